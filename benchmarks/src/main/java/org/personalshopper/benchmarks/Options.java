package org.personalshopper.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Command-line options of {@link SideBySide}; every one has a default, so no option is needed. */
record Options(int duration, int warmup, int rounds, int connections, int threads, String heap, Path jar,
               List<String> scenarios, boolean metricsCompare, Path baselineJar, Path jfr, Path out, int signInAccounts,
               List<String> jvmOptions) {

    static Options parse(String[] args) {
        int duration = 15;
        // Long enough for both JITs to finish on 2 CPUs (one C2 thread): after a 20 s warm-up both apps still compiled
        // a thousand methods or more in their first measured round (docs/benchmarks.md, "Fifth round").
        int warmup = 45;
        int rounds = 3;
        int connections = 16;
        int threads = 2;
        String heap = "512m";
        Path jar = Path.of("bootstrap/target/personal-shopper.jar");
        List<String> scenarios = List.of("selections", "user", "save", "signin");
        boolean metricsCompare = false;
        Path baselineJar = null;
        Path jfr = null;
        Path out = null;
        int signInAccounts = 1;
        List<String> jvmOptions = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--duration" -> duration = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--connections" -> connections = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--heap" -> heap = args[++i];
                case "--jar" -> jar = Path.of(args[++i]);
                case "--scenarios" -> scenarios = List.of(args[++i].split(","));
                case "--metrics-compare" -> metricsCompare = true;
                case "--baseline-jar" -> baselineJar = Path.of(args[++i]);
                case "--jfr" -> jfr = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--signin-accounts" -> signInAccounts = Integer.parseInt(args[++i]);
                case "--jvm-option" -> jvmOptions.add(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + arg + usage());
            }
        }
        if (signInAccounts < 1) {
            throw new IllegalArgumentException("--signin-accounts must be at least 1" + usage());
        }
        return new Options(duration, warmup, rounds, connections, threads, heap, jar, scenarios, metricsCompare, baselineJar, jfr,
                out, signInAccounts, List.copyOf(jvmOptions));
    }

    private static String usage() {
        return "; options: --duration S (15) --warmup S (45) --rounds N (3) --connections C (16) --threads T (2)"
                + " --heap SIZE (512m) --jar PATH --scenarios selections,user,save,signin --metrics-compare"
                + " --baseline-jar PATH (another build of the service, e.g. before a change) --jfr DIR --out FILE"
                + " --signin-accounts N (1: every sign-in with one provider account; N: spread over N accounts, N shoppers)"
                + " --jvm-option OPTION (repeatable: given to every app's JVM alike, e.g. -Xlog:gc:file=gc-%p.log)";
    }
}
