package org.anzexian.platform.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys everything under {@code processes/} and {@code forms/} on the classpath as one deployment
 * named {@value #DEPLOYMENT_NAME}, each resource named by its classpath-relative path. The starter's
 * auto-deployment is off because it names resources differently under {@code java -jar} and
 * {@code mvn spring-boot:run} (DESIGN.md §7). An unchanged restart deploys nothing; any change
 * redeploys all resources together so deployment-bound forms keep resolving.
 */
@Component
public class ModelDeploymentPlugin extends AbstractProcessEnginePlugin {

    public static final String DEPLOYMENT_NAME = "anzexian";
    static final List<String> MODEL_FOLDERS = List.of("processes", "forms");

    private static final Logger log = LoggerFactory.getLogger(ModelDeploymentPlugin.class);

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        Map<String, byte[]> resources = scanModels();
        if (resources.isEmpty()) {
            log.info("No models under {} on the classpath: nothing to deploy", MODEL_FOLDERS);
            return;
        }
        deployIfChanged(processEngine.getRepositoryService(), DEPLOYMENT_NAME, resources)
                .ifPresentOrElse(
                        deployment -> log.info("Deployed {} model resources as deployment {}", resources.size(),
                                deployment.getId()),
                        () -> log.info("Models unchanged since the last '{}' deployment: no new version",
                                DEPLOYMENT_NAME));
    }

    /** Deploys all resources together unless the latest deployment of that name holds exactly them. */
    static Optional<Deployment> deployIfChanged(RepositoryService repository, String deploymentName,
            Map<String, byte[]> resources) {
        if (sameAsLatestDeployment(repository, deploymentName, resources)) {
            return Optional.empty();
        }
        DeploymentBuilder builder = repository.createDeployment().name(deploymentName).source(deploymentName);
        resources.forEach((name, bytes) -> builder.addInputStream(name, new ByteArrayInputStream(bytes)));
        return Optional.of(builder.deploy());
    }

    public static Map<String, byte[]> scanModels() {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        Map<String, byte[]> byName = new TreeMap<>();
        for (String folder : MODEL_FOLDERS) {
            try {
                for (Resource resource : resolver.getResources("classpath*:" + folder + "/**/*.*")) {
                    if (!resource.isReadable()) {
                        continue;
                    }
                    String name = classpathRelativeName(resource.getURL().toString(), folder);
                    try (InputStream in = resource.getInputStream()) {
                        // the same file can be found twice inside a packaged jar; the first wins
                        byName.putIfAbsent(name, in.readAllBytes());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read models under " + folder + "/", e);
            }
        }
        return byName;
    }

    static String classpathRelativeName(String url, String folder) {
        int start = url.lastIndexOf("/" + folder + "/");
        return url.substring(start + 1);
    }

    private static boolean sameAsLatestDeployment(RepositoryService repository, String deploymentName,
            Map<String, byte[]> resources) {
        Deployment latest = repository.createDeploymentQuery()
                .deploymentName(deploymentName)
                .orderByDeploymentTime().desc()
                .listPage(0, 1).stream().findFirst().orElse(null);
        if (latest == null) {
            return false;
        }
        List<String> deployedNames = repository.getDeploymentResourceNames(latest.getId());
        if (!new TreeSet<>(deployedNames).equals(resources.keySet())) {
            return false;
        }
        for (Map.Entry<String, byte[]> entry : resources.entrySet()) {
            try (InputStream deployed = repository.getResourceAsStream(latest.getId(), entry.getKey())) {
                if (!Arrays.equals(deployed.readAllBytes(), entry.getValue())) {
                    return false;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return true;
    }
}
