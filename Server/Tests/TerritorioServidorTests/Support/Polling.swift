/// Waits for something a test cannot be told about: polls `condition` every 20 ms for up to 30 s
/// and answers whether it held (never a sleep-and-hope).
func poll(_ condition: () -> Bool) async throws -> Bool {
    for _ in 0..<1_500 {
        if condition() { return true }
        try await Task.sleep(for: .milliseconds(20))
    }
    return condition()
}
