package nl.dialoogtafel.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Imports run one way: the composition root on top, the features below it, and under them the
 * shared rooms (the HTTP edge, storage, the record, the pure domain). A wrong-way import fails here.
 */
@AnalyzeClasses(packages = "nl.dialoogtafel", importOptions = ImportOption.DoNotIncludeTests.class)
class ImportRulesTest {

  @ArchTest
  static final ArchRule featuresBelowTheRootAndAboveTheSharedRooms = layeredArchitecture()
      .consideringOnlyDependenciesInLayers()
      .layer("app").definedBy("nl.dialoogtafel.app..")
      .layer("facilitator").definedBy("nl.dialoogtafel.facilitator..")
      .layer("archive").definedBy("nl.dialoogtafel.archive..")
      .layer("live").definedBy("nl.dialoogtafel.live..")
      .layer("ops").definedBy("nl.dialoogtafel.ops..")
      .layer("cluster").definedBy("nl.dialoogtafel.cluster..")
      .layer("accounts").definedBy("nl.dialoogtafel.accounts..")
      .layer("privacy").definedBy("nl.dialoogtafel.privacy..")
      .layer("http").definedBy("nl.dialoogtafel.http..")
      .layer("templates").definedBy("nl.dialoogtafel.templates..")
      .layer("storage").definedBy("nl.dialoogtafel.storage..")
      .layer("record").definedBy("nl.dialoogtafel.record..")
      .layer("dialogue").definedBy("nl.dialoogtafel.dialogue..")
      .layer("i18n").definedBy("nl.dialoogtafel.i18n..")
      .whereLayer("app").mayNotBeAccessedByAnyLayer()
      .whereLayer("facilitator").mayOnlyBeAccessedByLayers("app")
      .whereLayer("archive").mayOnlyBeAccessedByLayers("app")
      .whereLayer("live").mayOnlyBeAccessedByLayers("app", "facilitator")
      // The operator's metrics: fed by the live side, the cluster and the composition root.
      .whereLayer("ops").mayOnlyBeAccessedByLayers("app", "live", "cluster")
      .whereLayer("cluster").mayOnlyBeAccessedByLayers("app", "live")
      .whereLayer("accounts").mayOnlyBeAccessedByLayers("app", "facilitator", "archive")
      .whereLayer("privacy").mayOnlyBeAccessedByLayers("app", "facilitator", "live")
      .whereLayer("http").mayOnlyBeAccessedByLayers("app", "facilitator", "archive", "live", "accounts", "privacy", "ops")
      .whereLayer("templates").mayOnlyBeAccessedByLayers("app", "facilitator", "archive")
      .whereLayer("storage").mayOnlyBeAccessedByLayers("app", "facilitator", "archive", "live", "cluster", "accounts",
          "privacy", "ops")
      .whereLayer("record").mayOnlyBeAccessedByLayers(
          "app", "facilitator", "archive", "live", "cluster", "accounts", "privacy", "storage", "ops")
      .whereLayer("dialogue").mayOnlyBeAccessedByLayers(
          "app", "facilitator", "archive", "live", "cluster", "privacy", "http", "templates", "storage", "record");

  /**
   * The live session's parts (live.hub) know nothing of the socket protocol above them (live):
   * the gateway may use the hub, never the reverse, so the two never form a cycle.
   */
  @ArchTest
  static final ArchRule theHubDoesNotReachBackIntoTheGateway = noClasses()
      .that().resideInAPackage("nl.dialoogtafel.live.hub..")
      .should().dependOnClassesThat().resideInAPackage("nl.dialoogtafel.live");
}
