package napster.broker;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.eclipse.jetty.jaas.JAASLoginService;
import org.eclipse.jetty.security.ConstraintMapping;
import org.eclipse.jetty.security.ConstraintSecurityHandler;
import org.eclipse.jetty.security.authentication.BasicAuthenticator;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.security.Constraint;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.webapp.WebAppContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real ActiveMQ web console (the unpacked {@code activemq-web-console} WAR) on Jetty in
 * the broker's JVM, at {@code /admin}, behind a Basic login against the broker's own JAAS
 * realm: only the {@code admins} group gets in. The console reads the broker through its
 * MBeans and browses or sends over {@code vm://} with the Basic credentials of the request,
 * so the broker checks those too. Close to stop it.
 */
public final class WebConsole implements AutoCloseable {
    static final String CONTEXT_PATH = "/admin";
    /** The group (groups.properties) allowed in; everyone else who logs in gets 403. */
    static final String ADMINS = "admins";
    /** The account the start-up line names; any member of {@link #ADMINS} may log in. */
    static final String CONSOLE_USER = "admin";
    /** Makes the console find the broker of this JVM over vm:// and read it through its MBeans. */
    static final String TYPE_PROPERTY = "webconsole.type";
    /** The JAAS realm of login.config, the same as the broker's jaasAuthenticationPlugin. */
    static final String JAAS_REALM = "activemq";
    /** Container jars Jetty scans for TLDs: the JSPs need JSTL 3.0 ({@code jakarta.tags.core}). */
    static final String CONTAINER_JARS = ".*/jetty-jakarta-servlet-api-[^/]*\\.jar$|.*/jakarta\\.servlet\\.jsp\\.jstl-[^/]*\\.jar$";
    /** Container initializers on the classpath the console does not use (no WebSocket, no Spring Java config). */
    static final String UNUSED_INITIALIZERS = "org\\.eclipse\\.jetty\\.websocket\\..*|org\\.springframework\\..*";

    private static final Logger LOG = LoggerFactory.getLogger(WebConsole.class);

    private final Server server;
    private final URI uri;
    private final Duration startupTime;

    private WebConsole(Server server, URI uri, Duration startupTime) {
        this.server = server;
        this.uri = uri;
        this.startupTime = startupTime;
    }

    /**
     * Serves the console of the broker {@link BrokerLauncher} started in this JVM (start that
     * first: it also sets up the JAAS realm); returns once the console accepts connections.
     *
     * @throws BrokerStartException with one sentence: WAR not unpacked, port taken
     */
    public static WebConsole start(ConsoleSettings settings) throws BrokerStartException {
        long began = System.nanoTime();
        if (!Files.isRegularFile(settings.webappDir().resolve("WEB-INF").resolve("web.xml"))) {
            throw new BrokerStartException("The web console is not built (" + settings.webappDir()
                    + " is missing); build it with ./mvnw -B -DskipTests package.");
        }
        System.setProperty(TYPE_PROPERTY, "invm");

        QueuedThreadPool threads = new QueuedThreadPool(50, 2);
        threads.setName("web-console-" + settings.port());
        Server server = new Server(threads);
        ServerConnector connector = new ServerConnector(server, 1, 1);
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        server.addConnector(connector);
        WebAppContext webapp = webapp(settings);
        webapp.setSecurityHandler(adminsOnly());
        server.setHandler(webapp);
        server.setStopTimeout(5_000);
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly(server);
            throw explain(e, settings);
        }
        if (webapp.getUnavailableException() != null || !webapp.isAvailable()) {
            stopQuietly(server);
            Throwable cause = webapp.getUnavailableException();
            throw new BrokerStartException("The web console failed to start ("
                    + (cause == null ? "unavailable" : firstLine(cause.toString())) + ").", cause);
        }
        URI uri = URI.create("http://" + uriHost(settings.host()) + ":" + connector.getLocalPort() + CONTEXT_PATH);
        WebConsole console = new WebConsole(server, uri, Duration.ofNanos(System.nanoTime() - began));
        LOG.info("Web console started in {} ms", console.startupTime.toMillis());
        return console;
    }

    /** {@code http://HOST:PORT/admin}, with the port actually bound. */
    public URI uri() {
        return uri;
    }

    /** From the call to {@link #start} until the console accepted connections. */
    public Duration startupTime() {
        return startupTime;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    private static WebAppContext webapp(ConsoleSettings settings) {
        WebAppContext webapp = new WebAppContext();
        webapp.setContextPath(CONTEXT_PATH);
        webapp.setWar(settings.webappDir().toString());
        webapp.setTempDirectory(settings.workDir().toFile()); // not persistent: Jetty empties it at start and stop
        webapp.setAttribute("org.eclipse.jetty.server.webapp.ContainerIncludeJarPattern", CONTAINER_JARS);
        webapp.setAttribute("org.eclipse.jetty.containerInitializerExclusionPattern", UNUSED_INITIALIZERS);
        webapp.setThrowUnavailableOnStartupException(true);
        return webapp;
    }

    /** Basic login against the JAAS realm; every path of /admin needs the admins group. */
    private static ConstraintSecurityHandler adminsOnly() {
        JAASLoginService logins = new JAASLoginService("ActiveMQ");
        logins.setLoginModuleName(JAAS_REALM);
        logins.setRoleClassNames(new String[] {"org.apache.activemq.jaas.GroupPrincipal"});

        Constraint constraint = new Constraint(Constraint.__BASIC_AUTH, ADMINS);
        constraint.setAuthenticate(true);
        ConstraintMapping everything = new ConstraintMapping();
        everything.setPathSpec("/*");
        everything.setConstraint(constraint);

        ConstraintSecurityHandler security = new ConstraintSecurityHandler();
        security.setLoginService(logins);
        security.setAuthenticator(new BasicAuthenticator());
        security.setRealmName("ActiveMQ");
        security.setConstraintMappings(List.of(everything));
        return security;
    }

    private static BrokerStartException explain(Exception failure, ConsoleSettings settings) {
        if (causedBy(failure, BindException.class)) {
            try {
                if (StartupChecks.portTaken(InetAddress.getByName(settings.host()), settings.port())) {
                    return new BrokerStartException(StartupChecks.portInUse(settings.host(), settings.port(),
                            "--console-port"), failure);
                }
            } catch (IOException ignored) {
                // fall through to the general message
            }
        }
        return new BrokerStartException("Cannot start the web console on " + settings.host() + " port "
                + settings.port() + " (" + firstLine(String.valueOf(failure.getMessage())) + ").", failure);
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).strip();
    }

    private static String uriHost(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.debug("Could not stop the web console after a failed start: {}", e.toString());
        }
    }
}
