namespace DeinstGateway.Core.Capacity;

/// <summary>
/// Places counted on one day. Free is never negative: a provider may declare fewer places than
/// are already taken, and then simply has none free.
/// </summary>
public readonly record struct PlaceCounts(int Total, int Occupied, int Reserved)
{
    public int Free => Math.Max(0, Total - Occupied - Reserved);

    public static PlaceCounts operator +(PlaceCounts left, PlaceCounts right) =>
        new(left.Total + right.Total, left.Occupied + right.Occupied, left.Reserved + right.Reserved);
}
