package org.anzexian.platform.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ResourceDefinition;
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

    /**
     * Deploys all resources together unless the latest deployment of that name holds exactly them — leaving
     * out a model whose live version is an owner's revision deployed after the packaged file last went live
     * and differing from it (#13): a restart never replaces an owner's live revision with the packaged
     * file. Once the revision is copied into {@code processes/} (the packaged file equals the live one) the
     * package carries it again.
     */
    static Optional<Deployment> deployIfChanged(RepositoryService repository, String deploymentName,
            Map<String, byte[]> resources) {
        Map<String, byte[]> packaged = new TreeMap<>(resources);
        for (LiveRevision revision : liveRevisionsOverriding(repository, deploymentName, resources)) {
            log.warn("Keeping {} version {} (deployment '{}' of {}) live: it differs from the packaged {}, which "
                    + "went live before it. Copy the revision into processes/ to make the repository its source "
                    + "again (README 'Process owners')", revision.key(), revision.version(), revision.deploymentName(),
                    revision.deployedAt(), revision.resourceName());
            packaged.remove(revision.resourceName());
        }
        if (sameAsLatestDeployment(repository, deploymentName, packaged, resources.keySet())) {
            return Optional.empty();
        }
        DeploymentBuilder builder = repository.createDeployment().name(deploymentName).source(deploymentName);
        packaged.forEach((name, bytes) -> builder.addInputStream(name, new ByteArrayInputStream(bytes)));
        return Optional.of(builder.deploy());
    }

    /** A live model deployed outside the package (Camunda Modeler, {@code /engine-rest}) over a packaged file. */
    record LiveRevision(String resourceName, String key, int version, String deploymentId, String deploymentName,
            Date deployedAt) {

        /** The revision, named by the packaged file it stands against (an owner may name the file otherwise). */
        LiveRevision packagedAs(String packagedName) {
            return new LiveRevision(packagedName, key, version, deploymentId, deploymentName, deployedAt);
        }
    }

    /**
     * The packaged BPMN and DMN files whose process or decision is live in a later deployment than the
     * last package deployment holding the file, with other content than the packaged file.
     */
    static List<LiveRevision> liveRevisionsOverriding(RepositoryService repository, String deploymentName,
            Map<String, byte[]> resources) {
        List<Deployment> packageDeployments = repository.createDeploymentQuery().deploymentName(deploymentName)
                .orderByDeploymentTime().desc().list();
        List<LiveRevision> overriding = new ArrayList<>();
        for (Map.Entry<String, byte[]> resource : resources.entrySet()) {
            String name = resource.getKey();
            if (!name.endsWith(".bpmn") && !name.endsWith(".dmn")) {
                continue;
            }
            packageDeployments.stream()
                    .filter(deployment -> repository.getDeploymentResourceNames(deployment.getId()).contains(name))
                    .findFirst()
                    .flatMap(lastPackaged -> liveRevision(repository, name, lastPackaged))
                    .filter(live -> !Arrays.equals(deployedBytes(repository, live.deploymentId(), live.resourceName()),
                            resource.getValue()))
                    .ifPresent(live -> overriding.add(live.packagedAs(name)));
        }
        return overriding;
    }

    /** The live version of what {@code name} defined in {@code lastPackaged}, if a later deployment made it. */
    private static Optional<LiveRevision> liveRevision(RepositoryService repository, String name, Deployment lastPackaged) {
        Stream<ResourceDefinition> processes = repository.createProcessDefinitionQuery().deploymentId(lastPackaged.getId())
                .list().stream().filter(packaged -> name.equals(packaged.getResourceName()))
                .map(packaged -> repository.createProcessDefinitionQuery().processDefinitionKey(packaged.getKey())
                        .latestVersion().singleResult());
        Stream<ResourceDefinition> decisions = repository.createDecisionDefinitionQuery().deploymentId(lastPackaged.getId())
                .list().stream().filter(packaged -> name.equals(packaged.getResourceName()))
                .map(packaged -> repository.createDecisionDefinitionQuery().decisionDefinitionKey(packaged.getKey())
                        .latestVersion().singleResult());
        return Stream.concat(processes, decisions)
                .filter(live -> !live.getDeploymentId().equals(lastPackaged.getId()))
                .map(live -> {
                    Deployment deployment = repository.createDeploymentQuery().deploymentId(live.getDeploymentId())
                            .singleResult();
                    return new LiveRevision(live.getResourceName(), live.getKey(), live.getVersion(), deployment.getId(),
                            deployment.getName(), deployment.getDeploymentTime());
                })
                .filter(live -> live.deployedAt().after(lastPackaged.getDeploymentTime()))
                .findFirst();
    }

    private static byte[] deployedBytes(RepositoryService repository, String deploymentId, String resourceName) {
        try (InputStream deployed = repository.getResourceAsStream(deploymentId, resourceName)) {
            return deployed.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    /**
     * Whether the latest deployment of that name holds exactly {@code resources}; a file packaged but left
     * out of {@code resources} (an owner's revision is live) may be in it or not.
     */
    private static boolean sameAsLatestDeployment(RepositoryService repository, String deploymentName,
            Map<String, byte[]> resources, Set<String> packagedNames) {
        Deployment latest = repository.createDeploymentQuery()
                .deploymentName(deploymentName)
                .orderByDeploymentTime().desc()
                .listPage(0, 1).stream().findFirst().orElse(null);
        if (latest == null) {
            return false;
        }
        Set<String> deployedNames = new TreeSet<>(repository.getDeploymentResourceNames(latest.getId()));
        packagedNames.stream().filter(name -> !resources.containsKey(name)).forEach(deployedNames::remove);
        if (!deployedNames.equals(resources.keySet())) {
            return false;
        }
        return resources.entrySet().stream().allMatch(entry ->
                Arrays.equals(deployedBytes(repository, latest.getId(), entry.getKey()), entry.getValue()));
    }
}
