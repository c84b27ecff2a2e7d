namespace Verbatim.Storage.Ocfl;

/// <summary>The OCFL specification versions this code reads. Declaring a later one is an error, not a guess.</summary>
internal enum SpecVersion
{
    V1_0 = 10,
    V1_1 = 11,
}

/// <summary>The names by which each specification version is declared: NAMASTE files and inventory types.</summary>
internal static class Spec
{
    public const string ObjectDeclarationPrefix = "0=ocfl_object_";
    public const string RootDeclarationPrefix = "0=ocfl_";

    public static readonly SpecVersion[] All = [SpecVersion.V1_0, SpecVersion.V1_1];

    public static string Number(SpecVersion v) => v == SpecVersion.V1_0 ? "1.0" : "1.1";

    /// <summary>The NAMASTE file name of an object root, e.g. "0=ocfl_object_1.1"; its text is the part after "0=" and a newline.</summary>
    public static string ObjectDeclaration(SpecVersion v) => ObjectDeclarationPrefix + Number(v);

    public static string RootDeclaration(SpecVersion v) => RootDeclarationPrefix + Number(v);

    public static string InventoryType(SpecVersion v) => v == SpecVersion.V1_0 ? Inventory.Type1_0 : Inventory.Type1_1;

    public static SpecVersion? FromInventoryType(string type)
        => All.Select(v => (SpecVersion?)v).FirstOrDefault(v => InventoryType(v!.Value) == type);

    public static SpecVersion? FromObjectDeclaration(string fileName)
        => All.Select(v => (SpecVersion?)v).FirstOrDefault(v => ObjectDeclaration(v!.Value) == fileName);

    public static SpecVersion? FromRootDeclaration(string fileName)
        => All.Select(v => (SpecVersion?)v).FirstOrDefault(v => RootDeclaration(v!.Value) == fileName);
}
