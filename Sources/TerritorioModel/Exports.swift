// The wire types and SHA-256 are part of the model's API: clients of TerritorioModel see them
// without importing TerritorioWire themselves.
@_exported import TerritorioWire
