import Testing

/// Every suite that runs real processes on ports, PostgreSQL or a terminal (tmux) nests here,
/// so they run one at a time even though Swift Testing runs the rest in parallel.
@Suite("Real processes", .serialized)
struct RealProcessTests {}
