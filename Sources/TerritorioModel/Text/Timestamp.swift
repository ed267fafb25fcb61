import Foundation

/// Times are stored in UTC as ISO 8601 text (`2026-11-22T21:46:52Z`), which sorts as it reads.
public enum Timestamp {
    public static func string(from date: Date) -> String {
        date.formatted(.iso8601)
    }

    public static func now() -> String { string(from: Date()) }
}
