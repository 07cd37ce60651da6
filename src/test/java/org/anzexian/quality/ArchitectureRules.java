package org.anzexian.quality;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;

/**
 * The shape rules of DESIGN.md §2, parameterised by the root package so a fixture package can prove
 * each rule reports what it should. A module is a package directly under the root.
 */
final class ArchitectureRules {

    private ArchitectureRules() {
    }

    /** A module uses another module only through its service API: no repositories, nothing internal. */
    static ArchRule modulesMeetOnlyThroughServices(String rootPackage) {
        return classes().that().resideInAPackage(rootPackage + "..")
                .should(new ArchCondition<>("reach other modules only through their service API "
                        + "(no *Repository, nothing in an 'internal' package)") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        String originModule = module(rootPackage, origin);
                        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                            JavaClass target = dependency.getTargetClass().getBaseComponentType();
                            String targetModule = module(rootPackage, target);
                            if (targetModule != null && !targetModule.equals(originModule) && isModuleInternal(target)) {
                                events.add(SimpleConditionEvent.violated(dependency,
                                        dependency.getDescription() + " reaches into module '" + targetModule
                                                + "' past its service"));
                            }
                        }
                    }
                });
    }

    /** Delegates are thin adapters: SQL belongs in repositories (DESIGN.md §2, STYLE.md). */
    static ArchRule delegatesHoldNoSql() {
        // the delegate and listener classes, and the @Configuration classes whose lambda beans are delegates
        return noClasses().that().haveSimpleNameEndingWith("Delegate").or().haveSimpleNameEndingWith("Delegates")
                .or().haveSimpleNameEndingWith("Listener").or().haveSimpleNameEndingWith("Listeners")
                .or().areAssignableTo(JavaDelegate.class).or().areAssignableTo(TaskListener.class)
                .or().areAssignableTo(ExecutionListener.class)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..", "javax.sql..")
                .because("a delegate calls its module's service; SQL lives only in repositories");
    }

    /** Engine set-up belongs to the platform module. */
    static ArchRule onlyPlatformConfiguresTheEngine(String platformPackage) {
        return noClasses().that().resideOutsideOfPackage(platformPackage + "..")
                .should().dependOnClassesThat(assignableTo(ProcessEngineConfiguration.class)
                        .or(assignableTo(ProcessEnginePlugin.class)))
                .because("engine configuration and plugins are the platform module's business");
    }

    /** The engine seam (DESIGN.md §2): services take and return records and talk to the engine through the gateway. */
    static ArchRule servicesDoNotTouchTheEngine() {
        return noClasses().that().haveSimpleNameEndingWith("Service")
                .should().dependOnClassesThat().resideInAPackage("org.camunda..")
                .because("a service reaches the engine only through platform.engine.ProcessGateway");
    }

    /**
     * One rule for who acts: the engine's authentication is read by the seam ({@code platform.engine},
     * e.g. {@code Acting}), by the security filters that set it and by {@code SystemAuthority} that
     * puts it aside — by nobody else.
     */
    static ArchRule onlyTheSeamReadsWhoActs(String platformPackage) {
        DescribedPredicate<JavaMethodCall> readsAuthentication = DescribedPredicate.describe(
                "IdentityService.getCurrentAuthentication()",
                call -> call.getName().equals("getCurrentAuthentication")
                        && call.getTargetOwner().isAssignableTo(IdentityService.class));
        return noClasses().that().resideOutsideOfPackages(platformPackage + ".engine..", platformPackage + ".security..")
                .and().doNotHaveFullyQualifiedName(platformPackage + ".access.SystemAuthority")
                .should().callMethodWhere(readsAuthentication)
                .because("who acts in a step is decided in one place, platform.engine.Acting");
    }

    static List<ArchRule> all(String rootPackage) {
        return List.of(modulesMeetOnlyThroughServices(rootPackage), delegatesHoldNoSql(),
                onlyPlatformConfiguresTheEngine(rootPackage + ".platform"), servicesDoNotTouchTheEngine(),
                onlyTheSeamReadsWhoActs(rootPackage + ".platform"));
    }

    /** The module a class belongs to, "" for the root package itself, null outside the root. */
    static String module(String rootPackage, JavaClass javaClass) {
        String packageName = javaClass.getPackageName();
        if (packageName.equals(rootPackage)) {
            return "";
        }
        if (!packageName.startsWith(rootPackage + ".")) {
            return null;
        }
        String rest = packageName.substring(rootPackage.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private static boolean isModuleInternal(JavaClass target) {
        String topLevelName = target.getName().replaceFirst("\\$.*", "");
        String simpleName = topLevelName.substring(topLevelName.lastIndexOf('.') + 1);
        return simpleName.endsWith("Repository")
                || List.of(target.getPackageName().split("\\.")).contains("internal");
    }
}
