// The wire types, the JSON parser and writer, SHA-256 and terminal-safe text are part of the
// model's API: clients of TerritorioModel see them without importing TerritorioWire themselves.
@_exported import TerritorioWire
