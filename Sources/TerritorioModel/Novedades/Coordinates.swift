import Foundation

/// A point where the situation was observed, in decimal degrees (WGS 84).
public struct Coordinates: Equatable, Sendable {
    public let latitude: Double
    public let longitude: Double

    /// A generous box around Bogotá D.C., Sumapaz included: a point outside it is allowed but
    /// gets a warning, since it is more likely a typo (swapped or unsigned values).
    static let bogotaLatitudes = 3.70...4.85
    static let bogotaLongitudes = -74.50 ... -73.95

    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }

    /// Parses `LAT,LON` (`4.6097,-74.0817`).
    /// - Throws: `NovedadError.invalidValue` when it is not two numbers in valid ranges.
    public static func parse(_ text: String) throws -> Coordinates {
        let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, let latitude = Double(parts[0]), let longitude = Double(parts[1]),
              latitude.isFinite, longitude.isFinite else {
            throw NovedadError.invalidValue(field: "coordenadas", reason: "escríbalas como LATITUD,LONGITUD en grados decimales, p. ej. 4.6097,-74.0817")
        }
        guard (-90...90).contains(latitude), (-180...180).contains(longitude) else {
            throw NovedadError.invalidValue(field: "coordenadas", reason: "la latitud va de -90 a 90 y la longitud de -180 a 180")
        }
        return Coordinates(latitude: latitude, longitude: longitude)
    }

    public var isInsideBogota: Bool {
        Self.bogotaLatitudes.contains(latitude) && Self.bogotaLongitudes.contains(longitude)
    }

    var json: JSONValue { .object([("lat", .double(latitude)), ("lon", .double(longitude))]) }
}
