package dev.promptarena.similarity;

import java.util.Optional;
import java.util.ServiceLoader;

/** Finds the {@link Embedder} on the classpath, if the build included one. */
public final class Embedders {
    /** What to tell a user whose rubric asks for similarity in a build without the module. */
    public static final String HOW_TO_ENABLE =
            "similarity checks need the embeddings module, which is not in this build (it adds ~100 MB:"
            + " ONNX Runtime and the all-MiniLM-L6-v2 model). Rebuild with `mvn -Pembeddings package`"
            + " and run that target/prompt-arena.jar, or remove the `type: similarity` check";

    private Embedders() {}

    /** Whether an implementation is present, without instantiating it (so no model is loaded). */
    public static boolean available(ClassLoader loader) {
        return ServiceLoader.load(Embedder.class, loader).stream().findFirst().isPresent();
    }

    /** The first implementation found, instantiated; the model loads lazily on first embedding. */
    public static Optional<Embedder> discover(ClassLoader loader) {
        return ServiceLoader.load(Embedder.class, loader).findFirst();
    }

    /** The classloader that loaded prompt-arena, which sees the module when it was built in. */
    public static ClassLoader defaultLoader() { return Embedders.class.getClassLoader(); }
}
