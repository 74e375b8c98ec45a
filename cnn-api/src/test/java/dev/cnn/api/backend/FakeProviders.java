package dev.cnn.api.backend;

import java.lang.reflect.Proxy;

/** Providers for the discovery tests; their backends answer only {@code name()}. */
final class FakeProviders {
    private FakeProviders() {
    }

    static Backend named(String name) {
        return (Backend) Proxy.newProxyInstance(Backend.class.getClassLoader(), new Class<?>[] {Backend.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("name")) {
                        return name;
                    }
                    throw new IllegalStateException("fake backend " + name + " has no kernel " + method.getName());
                });
    }

    /** Available, priority 5. */
    public static final class Fast implements BackendProvider {
        @Override
        public String name() {
            return "fast";
        }

        @Override
        public int priority() {
            return 5;
        }

        @Override
        public Availability availability() {
            return Availability.yes();
        }

        @Override
        public Backend create() {
            return named("fast");
        }
    }

    /** Available, priority 1. */
    public static final class Slow implements BackendProvider {
        @Override
        public String name() {
            return "slow";
        }

        @Override
        public int priority() {
            return 1;
        }

        @Override
        public Availability availability() {
            return Availability.yes();
        }

        @Override
        public Backend create() {
            return named("slow");
        }
    }

    /** Unavailable, priority 9: must be skipped although it ranks highest. */
    public static final class Broken implements BackendProvider {
        @Override
        public String name() {
            return "broken";
        }

        @Override
        public int priority() {
            return 9;
        }

        @Override
        public Availability availability() {
            return Availability.no("needs a GPU that is not there");
        }

        @Override
        public Backend create() {
            throw new IllegalStateException("must not be created");
        }
    }
}
