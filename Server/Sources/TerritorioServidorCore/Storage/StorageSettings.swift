/// How much the store may hold that is not finished or not named, and for how long, as the
/// district sets it in the environment: the bytes one gestor may hold in incomplete uploads
/// (`TERRITORIO_SUBIDAS_MAX_MIB`, 200 MiB by default), the days an untouched incomplete upload
/// is kept (`TERRITORIO_SUBIDAS_DIAS`, 7) and the days a photo no novedad names is kept
/// (`TERRITORIO_FOTOS_SIN_NOVEDAD_DIAS`, 7).
public struct StorageSettings: Sendable, Equatable {
    public var bytesInIncompleteUploads: Int64
    public var lifetimes: Maintenance.Lifetimes

    public static let capVariable = "TERRITORIO_SUBIDAS_MAX_MIB"
    public static let uploadDaysVariable = "TERRITORIO_SUBIDAS_DIAS"
    public static let photoDaysVariable = "TERRITORIO_FOTOS_SIN_NOVEDAD_DIAS"
    /// A tebibyte per gestor, ten years: beyond them a value is a typing mistake.
    static let maximumMiB = 1_048_576
    static let maximumDays = 3_650

    public init(bytesInIncompleteUploads: Int64 = ServerLimits().bytesInIncompleteUploads, lifetimes: Maintenance.Lifetimes = Maintenance.Lifetimes()) {
        self.bytesInIncompleteUploads = bytesInIncompleteUploads
        self.lifetimes = lifetimes
    }

    /// The defaults, replaced by the variables that are set; a bad value is refused with its name.
    public init(environment: [String: String]) throws {
        self.init()
        if let mebibytes = try EnvironmentNumber.positive(Self.capVariable, in: environment, maximum: Self.maximumMiB) {
            bytesInIncompleteUploads = Int64(mebibytes) * 1024 * 1024
        }
        if let days = try EnvironmentNumber.positive(Self.uploadDaysVariable, in: environment, maximum: Self.maximumDays) {
            lifetimes.uploadDays = days
        }
        if let days = try EnvironmentNumber.positive(Self.photoDaysVariable, in: environment, maximum: Self.maximumDays) {
            lifetimes.photoDays = days
        }
    }
}
