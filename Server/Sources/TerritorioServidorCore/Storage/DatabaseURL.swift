import Foundation
import PostgresNIO

/// `TERRITORIO_DB_URL`, `postgres://USUARIO[:CLAVE]@HOST[:PUERTO]/BASE[?sslmode=…]`, turned into a
/// PostgresNIO configuration. `sslmode` is `disable`, `require` (TLS, certificate not checked, as
/// in libpq) or `verify-full`; without it, loopback hosts go unencrypted and any other host gets
/// `verify-full`, so a mistyped URL never sends the database password in clear over a network.
public enum DatabaseURL {
    public static let environmentVariable = "TERRITORIO_DB_URL"

    public static func configuration(from text: String) throws -> PostgresClient.Configuration {
        guard let components = URLComponents(string: text),
              ["postgres", "postgresql"].contains(components.scheme ?? ""),
              let host = components.host, !host.isEmpty,
              let user = components.user, !user.isEmpty
        else {
            throw ServerFailure("La URL de la base de datos no es válida: se espera postgres://USUARIO@HOST:PUERTO/BASE (\(environmentVariable)).")
        }
        let database = String(components.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty else {
            throw ServerFailure("La URL de la base de datos no dice qué base usar: postgres://USUARIO@HOST:PUERTO/BASE.")
        }
        let sslMode = components.queryItems?.first(where: { $0.name == "sslmode" })?.value
        return PostgresClient.Configuration(
            host: host,
            port: components.port ?? 5432,
            username: user.removingPercentEncoding ?? user,
            password: components.password.map { $0.removingPercentEncoding ?? $0 },
            database: database.removingPercentEncoding ?? database,
            tls: try tls(mode: sslMode, host: host)
        )
    }

    private static func tls(mode: String?, host: String) throws -> PostgresClient.Configuration.TLS {
        switch mode {
        case "disable": return .disable
        case "require":
            var configuration = TLSConfiguration.makeClientConfiguration()
            configuration.certificateVerification = .none
            return .require(configuration)
        case "verify-full": return .require(.makeClientConfiguration())
        case nil: return isLoopback(host) ? .disable : .require(.makeClientConfiguration())
        case let other?:
            throw ServerFailure("sslmode «\(other)» no se reconoce: use disable, require o verify-full.")
        }
    }

    private static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
    }
}
