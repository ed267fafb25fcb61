/// How long a sent novedad keeps its photos and the citizen's contact data on this device.
public enum RetentionPolicy {
    /// Days after sending; then only radicado and summary stay.
    public static let defaultDays = 30
}
