/// Median and 99th percentile of a set of latencies, in milliseconds.
struct LatencyStatistics {
    let median: Double
    let p99: Double

    init(milliseconds samples: [Double]) {
        let sorted = samples.sorted()
        median = sorted[sorted.count / 2]
        p99 = sorted[min(sorted.count - 1, Int((Double(sorted.count) * 0.99).rounded(.up)) - 1)]
    }
}
