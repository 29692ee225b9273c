// The tests build the real site, which uses both cores; test classes running side by side would only slow each
// other's builds and blur the reload-latency check in LiveReloadTests.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
