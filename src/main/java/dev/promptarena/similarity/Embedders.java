package dev.promptarena.similarity;

import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/** Finds the {@link Embedder} on the classpath, if the build included one. */
public final class Embedders {
    /** What to tell a user whose rubric asks for similarity in a build without the module. */
    public static final String HOW_TO_ENABLE =
            "similarity checks need the embeddings module, which is not in this build (it adds ~200 MB:"
            + " ONNX Runtime and the all-MiniLM-L6-v2 model). Build it with `mvn -Pembeddings package`"
            + " and run target/embeddings/prompt-arena.jar, or remove the `type: similarity` check";

    private Embedders() {}

    /**
     * Whether a usable implementation is present, without instantiating it (so no model is loaded).
     * A registration whose class or dependencies are missing (a half-copied classpath) counts as absent,
     * so the user gets {@link #HOW_TO_ENABLE} instead of a ServiceConfigurationError stack trace.
     */
    public static boolean available(ClassLoader loader) {
        try {
            return ServiceLoader.load(Embedder.class, loader).stream().findFirst().map(p -> p.type() != null).orElse(false);
        } catch (ServiceConfigurationError | LinkageError e) {
            return false;
        }
    }

    /** The first usable implementation, instantiated; the model loads lazily on first embedding. */
    public static Optional<Embedder> discover(ClassLoader loader) {
        try {
            return ServiceLoader.load(Embedder.class, loader).findFirst();
        } catch (ServiceConfigurationError | LinkageError e) {
            return Optional.empty();
        }
    }

    /** The classloader that loaded prompt-arena, which sees the module when it was built in. */
    public static ClassLoader defaultLoader() { return Embedders.class.getClassLoader(); }
}
