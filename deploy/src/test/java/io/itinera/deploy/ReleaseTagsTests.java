package io.itinera.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * release.yml stamps {@code main-<sha>-<ts>} with the commit's time, not the build's, so that re-running the release
 * of an old commit never sorts above newer images and Flux never rolls production back. The test runs release.yml's
 * own command in a repository whose two commits are dated in the past.
 */
class ReleaseTagsTests {

    private static final Pattern TAG = Pattern.compile("main-\\$\\{short_sha}-\\$\\{(\\w+)}");

    private static String tagStep() {
        Map<String, Object> release = Yaml.document(Repository.path(".github/workflows/release.yml"));
        Object steps = Yaml.asMap(Yaml.asMap(release.get("jobs")).get("images")).get("steps");
        return Yaml.asMaps(steps).stream()
                .map(step -> String.valueOf(step.get("run")))
                .filter(run -> TAG.matcher(run).find())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no step of release.yml writes main-${short_sha}-..."));
    }

    /** The shell command whose output becomes the tag's number. */
    private static String timestampCommand() {
        String step = tagStep();
        Matcher tag = TAG.matcher(step);
        assertThat(tag.find()).isTrue();
        Matcher assignment = Pattern.compile("(?m)^\\s*" + tag.group(1) + "=\\$\\((.+)\\)\\s*$")
                .matcher(step);
        assertThat(assignment.find())
                .as("%s is assigned from a command in release.yml", tag.group(1))
                .isTrue();
        return assignment.group(1);
    }

    @Test
    void theTimestampIsTheCommitTimeOfTheReleasedCommit(@TempDir Path repository) throws Exception {
        run(repository, "git", "init", "-q");
        commit(repository, "1700000000");
        commit(repository, "1700000600");
        run(repository, "git", "checkout", "-q", "HEAD~1"); // a re-run of the older release

        String stamp = run(repository, "bash", "-c", timestampCommand()).trim();

        assertThat(stamp)
                .as("release.yml's `%s` for a commit of 1700000000", timestampCommand())
                .isEqualTo("1700000000");
    }

    private static void commit(Path repository, String epochSeconds) throws Exception {
        ProcessBuilder git = new ProcessBuilder(
                        "git",
                        "-c",
                        "user.name=t",
                        "-c",
                        "user.email=t@t",
                        "commit",
                        "-q",
                        "--allow-empty",
                        "-m",
                        epochSeconds)
                .directory(repository.toFile());
        git.environment().put("GIT_AUTHOR_DATE", "@" + epochSeconds + " +0000");
        git.environment().put("GIT_COMMITTER_DATE", "@" + epochSeconds + " +0000");
        finish(git);
    }

    private static String run(Path directory, String... command) throws IOException, InterruptedException {
        return finish(new ProcessBuilder(command).directory(directory.toFile()));
    }

    private static String finish(ProcessBuilder builder) throws IOException, InterruptedException {
        Process process = builder.redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
