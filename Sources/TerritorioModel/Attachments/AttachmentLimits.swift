/// How big and how many photos a novedad may carry.
public struct AttachmentLimits: Equatable, Sendable {
    public var maximumBytes: Int
    public var maximumPerNovedad: Int

    public init(maximumBytes: Int = 15 * 1_048_576, maximumPerNovedad: Int = 10) {
        self.maximumBytes = maximumBytes
        self.maximumPerNovedad = maximumPerNovedad
    }

    /// The defaults, changed by `TERRITORIO_ADJUNTO_MAX_MIB` (size of each photo) and
    /// `TERRITORIO_ADJUNTOS_MAX` (photos per novedad) when they hold a positive number.
    public static func configured(environment: [String: String]) -> AttachmentLimits {
        var limits = AttachmentLimits()
        if let text = environment["TERRITORIO_ADJUNTO_MAX_MIB"], let mebibytes = Int(text), (1...1_024).contains(mebibytes) {
            limits.maximumBytes = mebibytes * 1_048_576
        }
        if let text = environment["TERRITORIO_ADJUNTOS_MAX"], let count = Int(text), (1...100).contains(count) {
            limits.maximumPerNovedad = count
        }
        return limits
    }
}
