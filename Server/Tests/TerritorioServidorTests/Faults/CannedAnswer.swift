/// Raw HTTP answers `FaultProxy` gives in place of the server: what a failing or overloaded
/// server, or a network that is not the internet, really sends.
enum CannedAnswer {
    /// A server error with an HTML body, as a reverse proxy in front of a crashed server sends it.
    static let serverError = make(status: "500 Internal Server Error", headers: ["Content-Type: text/html"],
                                  body: "<html><body><h1>500 Internal Server Error</h1></body></html>")

    /// Too many requests: come back in `seconds`.
    static func tooManyRequests(retryAfter seconds: Int) -> String {
        make(status: "429 Too Many Requests", headers: ["Content-Type: text/plain", "Retry-After: \(seconds)"],
             body: "Demasiadas solicitudes")
    }

    /// A municipal Wi-Fi's login page: `200` with HTML, whatever was asked.
    static let captivePortal = make(status: "200 OK", headers: ["Content-Type: text/html; charset=utf-8"],
                                    body: "<html><head><title>Bogotá WiFi</title></head><body>Acepte los términos para navegar.</body></html>")

    /// A `HEAD` saying the server holds every byte of a photo but has not completed it, as a
    /// server that died between storing the last piece and completing would say.
    static func holdingEveryByte(of size: Int) -> String {
        make(status: "404 Not Found", headers: ["Upload-Offset: \(size)"], body: "")
    }

    private static func make(status: String, headers: [String], body: String) -> String {
        (["HTTP/1.1 \(status)"] + headers + ["Content-Length: \(body.utf8.count)", "Connection: close", "", body])
            .joined(separator: "\r\n")
    }
}
