namespace Ingest.Core.Records;

/// <summary>
/// The names of the sheet (別紙) kinds the record contract catalogues, as a sheet's <c>type</c> carries them. Constants, so
/// that switches and patterns can name them; other kinds (目的外利用, 外部提供) keep the name the document gives.
/// </summary>
public static class SheetKind
{
    /// <summary>Online link with another body's computers (外部結合).</summary>
    public const string Linkage = "外部結合";

    /// <summary>Computer processing: a system built, extended or changed (電算処理).</summary>
    public const string Processing = "電算処理";

    /// <summary>Delegation of statutory work (委任).</summary>
    public const string Delegation = "委任";

    /// <summary>Outsourcing (委託).</summary>
    public const string Outsourcing = "委託";

    /// <summary>Outsourcing by the delegate or contractor (再委託); it has the fields of <see cref="Outsourcing"/>.</summary>
    public const string Suboutsourcing = "再委託";

    /// <summary>Purpose-external use (目的外利用), a kind with no catalogued fields.</summary>
    public const string OutsideUse = "目的外利用";

    /// <summary>Provision to an outside body (外部提供), a kind with no catalogued fields.</summary>
    public const string Provision = "外部提供";

    /// <summary>The kinds whose fields are catalogued.</summary>
    public static IReadOnlyList<string> Catalogued { get; } = [Linkage, Processing, Delegation, Outsourcing];
}
