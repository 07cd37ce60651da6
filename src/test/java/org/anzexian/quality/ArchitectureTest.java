package org.anzexian.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/**
 * The code keeps its shape (DESIGN.md §2): modules meet through services, delegates hold no SQL,
 * only the platform configures the engine, services reach the engine only through the seam, and only
 * the seam reads who acts. The fixture tests prove each rule catches a breach.
 */
@AnalyzeClasses(packages = "org.anzexian", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String FIXTURE = "org.anzexian.quality.archfixture";

    @ArchTest
    static final ArchRule modulesMeetOnlyThroughServices = ArchitectureRules.modulesMeetOnlyThroughServices("org.anzexian");

    @ArchTest
    static final ArchRule delegatesHoldNoSql = ArchitectureRules.delegatesHoldNoSql();

    @ArchTest
    static final ArchRule onlyPlatformConfiguresTheEngine = ArchitectureRules.onlyPlatformConfiguresTheEngine("org.anzexian.platform");

    @ArchTest
    static final ArchRule servicesDoNotTouchTheEngine = ArchitectureRules.servicesDoNotTouchTheEngine();

    @ArchTest
    static final ArchRule onlyTheSeamReadsWhoActs = ArchitectureRules.onlyTheSeamReadsWhoActs("org.anzexian.platform");

    private static final JavaClasses fixture = new ClassFileImporter().importPackages(FIXTURE);

    @Test
    void reportsAModuleUsingAnotherModulesRepositoryOrInternals() {
        EvaluationResult result = ArchitectureRules.modulesMeetOnlyThroughServices(FIXTURE).evaluate(fixture);

        assertThat(result.getFailureReport().getDetails())
                .anyMatch(line -> line.contains("AlphaReachesIntoBeta") && line.contains("BetaRepository"))
                .anyMatch(line -> line.contains("AlphaReachesIntoBeta") && line.contains("BetaInternals"))
                // the service is the way in, and a module may use its own repository and internals
                .noneMatch(line -> line.contains("beta.BetaService."));
    }

    @Test
    void reportsADelegateHoldingSql() {
        EvaluationResult result = ArchitectureRules.delegatesHoldNoSql().evaluate(fixture);

        assertThat(result.getFailureReport().getDetails())
                .anyMatch(line -> line.contains("SqlHoldingDelegate") && line.contains("JdbcClient"))
                .anyMatch(line -> line.contains("SqlHoldingStepDelegates") && line.contains("JdbcClient"))
                .noneMatch(line -> line.contains("BetaRepository"));
    }

    @Test
    void reportsEngineConfigurationOutsideThePlatform() {
        EvaluationResult result = ArchitectureRules.onlyPlatformConfiguresTheEngine(FIXTURE + ".platform")
                .evaluate(fixture);

        assertThat(result.getFailureReport().getDetails())
                .anyMatch(line -> line.contains("AlphaTunesTheEngine") && line.contains("ProcessEngineConfiguration"));
    }

    @Test
    void reportsAServiceThatTalksToTheEngine() {
        EvaluationResult result = ArchitectureRules.servicesDoNotTouchTheEngine().evaluate(fixture);

        assertThat(result.getFailureReport().getDetails())
                .anyMatch(line -> line.contains("AlphaStartsProcessesService") && line.contains("RuntimeService"))
                // a helper not named *Service may use the engine (e.g. a DMN decision), a service without it passes
                .noneMatch(line -> line.contains("AlphaTunesTheEngine"))
                .noneMatch(line -> line.contains("BetaService"));
    }

    @Test
    void reportsWhoActsReadOutsideTheSeam() {
        EvaluationResult result = ArchitectureRules.onlyTheSeamReadsWhoActs(FIXTURE + ".platform").evaluate(fixture);

        assertThat(result.getFailureReport().getDetails())
                .anyMatch(line -> line.contains("AlphaReadsWhoActs") && line.contains("getCurrentAuthentication"))
                .noneMatch(line -> line.contains("SeamReadsWhoActs"));
    }
}
