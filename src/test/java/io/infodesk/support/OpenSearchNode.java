package io.infodesk.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.settings.Settings;
import org.opensearch.index.mapper.MapperExtrasPlugin;
import org.opensearch.index.reindex.ReindexPlugin;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.node.NodeValidationException;
import org.opensearch.transport.Netty4Plugin;

/**
 * A real OpenSearch 2.19 node in this JVM, from Maven Central (test scope only, never on the production classpath):
 * the server jar plus the plugins Hibernate Search needs (HTTP transport, the common analysers, the extra mappers,
 * reindex for purges and mass indexing), started by subclassing {@link Node} whose plugin-taking constructor is
 * protected. For the cluster tests and, through {@link #main}, for deploy/local-cluster (one JVM per node; several
 * nodes form a cluster through {@code --seeds}).
 */
public final class OpenSearchNode implements AutoCloseable {

	private static final class PluginNode extends Node {

		PluginNode(Settings settings) {
			super(InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), null, () -> "infodesk-test"),
					List.of(Netty4Plugin.class, CommonAnalysisPlugin.class, MapperExtrasPlugin.class,
							ReindexPlugin.class),
					true);
		}

	}

	static {
		// OpenSearch configures Log4j's own core; Boot's log4j-to-slf4j bridge would win the provider selection
		// (ClassCastException at node start). The surefire argLine sets it from JVM start (pom.xml), since any earlier
		// test may use Log4j's LogManager first; set here too for the deploy scripts' main.
		System.setProperty("log4j.provider", "org.apache.logging.log4j.core.impl.Log4jProvider");
		System.setProperty("log4j2.provider", "org.apache.logging.log4j.core.impl.Log4jProvider");
	}

	private final Node node;

	private final int httpPort;

	private OpenSearchNode(Node node, int httpPort) {
		this.node = node;
		this.httpPort = httpPort;
	}

	/** A single-node cluster on free loopback ports with its data in a temporary directory. */
	public static OpenSearchNode startSingle() {
		try {
			Path home = Files.createTempDirectory("opensearch-test");
			return start(home, "infodesk-test", "node-1", freePort(), freePort(), null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Starts a node; {@code seeds} null makes a single-node cluster, else the transport addresses of all nodes
	 * ({@code 127.0.0.1:9300,127.0.0.1:9301}), node-1 being the one cluster manager (below).
	 */
	public static OpenSearchNode start(Path home, String clusterName, String nodeName, int httpPort, int transportPort,
			String seeds) {
		return start(home, clusterName, nodeName, httpPort, transportPort, seeds, null);
	}

	/**
	 * As above with the node's roles ({@code cluster_manager,data,ingest}; null: all). Of two nodes only one may be
	 * cluster-manager-eligible if the loss of the other is to be survived: two eligible nodes hold one vote between
	 * them (the voting configuration stays odd), so losing the elected one leaves the other without a cluster manager,
	 * and cluster health, index creation and writes wait (seen on deploy/local-cluster, faults.sh opensearch,
	 * 2026-12-08). Hence deploy/local-cluster runs node-1 as cluster manager and data node and node-2 as data node
	 * only; a cluster that must survive the loss of any node needs three eligible nodes (docs/deployment.md).
	 */
	public static OpenSearchNode start(Path home, String clusterName, String nodeName, int httpPort, int transportPort,
			String seeds, String roles) {
		Settings.Builder settings = Settings.builder()
			.put("path.home", home.toString())
			.put("path.data", home.resolve("data").toString())
			.put("path.logs", home.resolve("logs").toString())
			.put("cluster.name", clusterName)
			.put("node.name", nodeName)
			.put("network.host", "127.0.0.1")
			.put("http.port", httpPort)
			.put("transport.port", transportPort)
			.put("cluster.routing.allocation.disk.threshold_enabled", false);
		if (seeds == null) {
			settings.put("discovery.type", "single-node");
		}
		else {
			settings.putList("discovery.seed_hosts", List.of(seeds.split(",")));
			settings.putList("cluster.initial_cluster_manager_nodes", List.of("node-1"));
		}
		if (roles != null) {
			settings.putList("node.roles", List.of(roles.split(",")));
		}
		try {
			Node node = new PluginNode(settings.build());
			node.start();
			return new OpenSearchNode(node, httpPort);
		}
		catch (NodeValidationException ex) {
			throw new IllegalStateException("OpenSearch did not start", ex);
		}
	}

	public int httpPort() {
		return httpPort;
	}

	/** host:port as Hibernate Search's {@code hosts} setting wants it. */
	public String host() {
		return "127.0.0.1:" + httpPort;
	}

	@Override
	public void close() {
		try {
			node.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * deploy/local-cluster's launcher: {@code <home> <node-name> <http-port> <transport-port> [seeds [roles]]}; runs
	 * until killed.
	 */
	public static void main(String[] args) throws Exception {
		OpenSearchNode node = start(Path.of(args[0]), "infodesk-local", args[1], Integer.parseInt(args[2]),
				Integer.parseInt(args[3]), args.length > 4 ? args[4] : null, args.length > 5 ? args[5] : null);
		Runtime.getRuntime().addShutdownHook(new Thread(node::close, "opensearch-stop"));
		System.out.println("OpenSearch " + args[1] + " on http://127.0.0.1:" + args[2]);
		Thread.currentThread().join();
	}

}
