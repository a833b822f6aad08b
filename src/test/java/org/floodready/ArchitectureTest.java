package org.floodready;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The package layering, checked on the compiled main classes. From the bottom: {@code config}, {@code errors}
 * (the error model's exception), {@code input}, {@code events}, {@code db} (paging, the idempotency store),
 * {@code access} (roles, the caller, tokens, who sees which units), {@code app}, {@code web} (generic HTTP),
 * shared concerns ({@code sheets}, {@code print}), {@code audit}, the domains, {@code readiness}, {@code live},
 * {@code board}, and the composition root {@code org.floodready}.
 */
class ArchitectureTest {
  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
      .importPackages("org.floodready");

  /** The features (domains and the services beside them). */
  private static final String[] FEATURES = {"org.floodready.units..", "org.floodready.inventory..",
      "org.floodready.checkpoints..", "org.floodready.patrols..", "org.floodready.incidents..",
      "org.floodready.inspections..", "org.floodready.requests..", "org.floodready.duty..", "org.floodready.notify..",
      "org.floodready.readiness..", "org.floodready.audit..", "org.floodready.auth..", "org.floodready.excel..",
      "org.floodready.field..", "org.floodready.cluster..", "org.floodready.board..", "org.floodready.live.."};

  /** Below the web layer: what it (and every feature) builds on. */
  private static final String[] FOUNDATIONS = {"org.floodready.config..", "org.floodready.errors..",
      "org.floodready.input..", "org.floodready.events..", "org.floodready.db..", "org.floodready.access..",
      "org.floodready.app.."};

  /** A class that answers HTTP requests: {@code *Routes}, or one whose methods take the request's RoutingContext. */
  private static final DescribedPredicate<JavaClass> HTTP_ADAPTER = new DescribedPredicate<>(
      "HTTP adapters (*Routes, or taking a RoutingContext)") {
    @Override
    public boolean test(JavaClass c) {
      return c.getSimpleName().endsWith("Routes") || c.getMethods().stream().anyMatch(m -> m.getRawParameterTypes()
          .stream().anyMatch(t -> t.isEquivalentTo(io.vertx.ext.web.RoutingContext.class)));
    }
  };

  @Test
  void packagesAreFreeOfCycles() {
    slices().matching("org.floodready.(**)").should().beFreeOfCycles().check(MAIN);
  }

  @Test
  void topLevelPackagesWithTheirSubpackagesAreFreeOfCycles() {
    slices().matching("org.floodready.(*)..").should().beFreeOfCycles().check(MAIN);
  }

  /** The board's panels read their query like routes do; every other feature keeps HTTP in its adapters. */
  @Test
  void featureCodeBesidesItsHttpAdaptersImportsNothingFromTheWebLayer() {
    noClasses().that().resideInAnyPackage(FEATURES).and().resideOutsideOfPackage("org.floodready.board..")
        .and(not(HTTP_ADAPTER))
        .should().dependOnClassesThat().resideInAPackage("org.floodready.web..")
        .check(MAIN);
  }

  @Test
  void servicesAndRepositoriesDoNotTouchHttp() {
    noClasses().that().haveSimpleNameEndingWith("Service").or().haveSimpleNameEndingWith("Repository")
        .should().dependOnClassesThat().resideInAnyPackage("org.floodready.web..", "io.vertx.ext.web..")
        .check(MAIN);
  }

  @Test
  void foundationsKnowNeitherTheWebLayerNorAFeature() {
    noClasses().that().resideInAnyPackage(FOUNDATIONS)
        .should().dependOnClassesThat().resideInAPackage("org.floodready.web..")
        .orShould().dependOnClassesThat().resideInAnyPackage(FEATURES)
        .check(MAIN);
  }

  @Test
  void theGenericHttpLayerKnowsNoFeature() {
    noClasses().that().resideInAPackage("org.floodready.web..")
        .should().dependOnClassesThat().resideInAnyPackage(FEATURES)
        .check(MAIN);
  }

  @Test
  void onlyTheCompositionRootDependsOnTheRootPackage() {
    noClasses().that().resideOutsideOfPackage("org.floodready")
        .should().dependOnClassesThat().resideInAPackage("org.floodready")
        .check(MAIN);
  }
}
