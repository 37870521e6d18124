// Collects the opening_hours values that opening_hours.js 2.1.9 and 3.4.0 ship (later releases leave them out): those
// of their test suites (test.js), run in a sandbox whose `require` hands them stand-ins so nothing is evaluated, and
// the examples of the 3.4.0 evaluation page (index.html). Prints the distinct values, one a line.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

const values = new Set();
for (const name of ['oh-corpus-2', 'oh-corpus']) {
    collect(path.dirname(require.resolve(name + '/package.json')));
}
const page = path.join(path.dirname(require.resolve('oh-corpus/package.json')), 'index.html');
const html = fs.readFileSync(page, 'utf8').replace(/<!--[\s\S]*?-->/g, '');
for (const [, example] of html.matchAll(/onclick="EX\(this\)">([^<]*)<\/a>/g)) {
    values.add(example.replace(/&#(\d+);/g, (m, code) => String.fromCharCode(code)).replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
}
for (const value of [...values].sort()) {
    if (!/[\t\n\r]/.test(value) && value.trim() !== '') process.stdout.write(value + '\n');
}

function collect(packageDir) {
const source = fs.readFileSync(path.join(packageDir, 'test.js'), 'utf8')
    .replace(/^#!.*\n/, '')
    .replace(/process\.exit\(test\.run\(\) \? 0 : 1\);/, 'globalThis.collected = test;');

const chain = new Proxy(function () {}, { get: (target, key) => key === 'argv' ? { 'library-file': 'x', l: 'en' } : chain, apply: () => chain });
const stubs = {
    optimist: chain,
    colors: { setTheme() {} },
    'sprintf-js': { sprintf: (...args) => args.join(' ') },
    timekeeper: { travel() {}, reset() {} },
};
function sandboxRequire(name) {
    if (name in stubs) return stubs[name];
    if (name.startsWith('./js/')) return require(path.join(packageDir, name));
    return function openingHoursNotNeeded() {};
}
const context = { require: sandboxRequire, console: { log() {}, info() {}, warn() {}, error() {} }, process, module: {}, exports: {} };
context.globalThis = context;
vm.createContext(context);
vm.runInContext(source, context, { filename: 'test.js' });

const test = context.collected;
for (const list of [test.tests, test.tests_should_warn, test.tests_comp_matching_rule, test.tests_prettify_value]) {
    for (const entry of list || []) {
        if (typeof entry[1] === 'string') values.add(entry[1]);
    }
}
for (const entry of test.tests_equal_to || []) {
    if (typeof entry[1] === 'string') values.add(entry[1]);
    if (typeof entry[2] === 'string') values.add(entry[2]);
}
}
