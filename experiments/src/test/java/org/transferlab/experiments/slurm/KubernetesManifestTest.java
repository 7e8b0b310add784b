package org.transferlab.experiments.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Kubernetes indexed job in {@code experiments/cluster/kubernetes/}, checked for structure (nothing
 * runs Kubernetes here): an indexed job whose pods run every shard exactly once, then a merge.
 */
class KubernetesManifestTest {
    @Test
    @SuppressWarnings("unchecked")
    void theIndexedJobRunsOneShardPerCompletionIndexIntoTheDirectoriesTheMergeReads() throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(Path.of("cluster/kubernetes/indexed-job.yaml"))) {
            new Yaml().loadAll(reader).forEach(d -> documents.add((Map<String, Object>) d));
        }
        assertEquals(2, documents.size(), "the shard job and the merge job");
        Map<String, Object> shards = (Map<String, Object>) documents.get(0).get("spec");
        assertEquals("Job", documents.get(0).get("kind"));
        assertEquals("Indexed", shards.get("completionMode"));
        int completions = (Integer) shards.get("completions");
        String command = container(shards).get("args").toString();
        assertTrue(command.contains("--shard \"$JOB_COMPLETION_INDEX/" + completions + "\""), command);
        assertTrue(command.contains("--out \"/shared/runs/study/shards/$JOB_COMPLETION_INDEX\""), command);
        assertTrue(command.contains("--cache-dir /shared/cache"), "pods share the source-model cache: " + command);
        assertEquals("Never", ((Map<String, Object>) ((Map<String, Object>) shards.get("template")).get("spec")).get("restartPolicy"));

        String merge = container((Map<String, Object>) documents.get(1).get("spec")).get("args").toString();
        assertTrue(merge.contains("./transferlab merge --out /shared/runs/study/merged") && merge.contains("/shared/runs/study/shards/*"),
                merge);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> container(Map<String, Object> jobSpec) {
        Map<String, Object> pod = (Map<String, Object>) ((Map<String, Object>) jobSpec.get("template")).get("spec");
        return ((List<Map<String, Object>>) pod.get("containers")).get(0);
    }
}
