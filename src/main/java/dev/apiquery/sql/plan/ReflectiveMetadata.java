package dev.apiquery.sql.plan;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.rel.metadata.DefaultRelMetadataProvider;
import org.apache.calcite.rel.metadata.MetadataHandler;
import org.apache.calcite.rel.metadata.MetadataHandlerProvider;
import org.apache.calcite.rel.metadata.ProxyingMetadataHandlerProvider;
import org.apache.calcite.rel.metadata.RelMetadataQuery;

/**
 * Metadata (row counts, costs, collations, ...) answered by Calcite's own handlers called through
 * reflection ({@link ProxyingMetadataHandlerProvider}), instead of the dispatch classes that
 * {@code JaninoRelMetadataProvider} generates and compiles. Same handlers, same answers; what
 * differs is the cost: Janino's first compilation in a JVM takes about half a second of CPU
 * (its compiler warming up), while a plain plan asks for little metadata. Results are not cached
 * between calls, as Janino's dispatchers do: a statement starts with these (its conversion to
 * relational algebra asks for a few), and {@link StandardProgram} goes back to Calcite's compiled
 * handlers for any plan that is not plain (joins, aggregates, sub-queries), before planning it.
 * The provider is the one {@link StandardProgram} gives every cluster ({@link DefaultRelMetadataProvider}).
 */
public final class ReflectiveMetadata implements MetadataHandlerProvider {
  private static final ReflectiveMetadata INSTANCE = new ReflectiveMetadata();

  private final MetadataHandlerProvider proxies =
      new ProxyingMetadataHandlerProvider(DefaultRelMetadataProvider.INSTANCE);

  // A query asks for some 30 handlers when it is made, and the planner makes a new one after each
  // change: the stateless proxies are made once.
  private final Map<Class<?>, MetadataHandler<?>> handlers = new ConcurrentHashMap<>();

  private ReflectiveMetadata() {}

  /** From now on the cluster's metadata queries use reflective handlers. */
  public static void use(RelOptCluster cluster) {
    cluster.setMetadataQuerySupplier(() -> new RelMetadataQuery(INSTANCE));
    cluster.invalidateMetadataQuery();
  }

  /** From now on the cluster's metadata queries use Calcite's compiled handlers (its default). */
  static void compiled(RelOptCluster cluster) {
    cluster.setMetadataQuerySupplier(RelMetadataQuery::instance);
    cluster.invalidateMetadataQuery();
  }

  @Override
  @SuppressWarnings("unchecked")
  public <MH extends MetadataHandler<?>> MH handler(Class<MH> handlerClass) {
    return (MH) handlers.computeIfAbsent(handlerClass, c -> proxies.handler(handlerClass));
  }
}
