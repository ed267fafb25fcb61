/// Names of the files SwiftPM bundles from this folder. The bundle is looked up by hand
/// (`ResourceLocator`): SwiftPM's generated `Bundle.module` ends the process when the bundle is
/// not where it was built, and an installed copy lives elsewhere.
public enum TerritorioResources {
    /// The bundle SwiftPM builds beside the executable: `<package>_<target>.resources`.
    public static let bundleName = "Territorio_TerritorioResources.resources"
    /// The sample catalogue inside the bundle.
    public static let sampleCatalogue = "catalogo-muestra.json"
}
