using DeinstGateway.Core.Capacity;
using DeinstGateway.Persistence.Database;
using Microsoft.EntityFrameworkCore;

namespace DeinstGateway.Persistence.Capacity;

internal sealed class OccupancyStore(GatewayDbContext db, IWriteSerializer writeSerializer) : IOccupancyStore
{
    public async Task DeclareAsync(OccupancyDeclaration declaration, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await writeSerializer.EnterAsync(db, cancellationToken);
        var row = await db.Occupancy.SingleOrDefaultAsync(
            o => o.InstitutionCode == declaration.InstitutionCode && o.EffectiveFrom == declaration.EffectiveFrom, cancellationToken);
        if (row is null)
        {
            row = new OccupancyRow { InstitutionCode = declaration.InstitutionCode, EffectiveFrom = declaration.EffectiveFrom };
            db.Occupancy.Add(row);
        }

        row.Places = declaration.Places;
        row.Residents = declaration.Residents;
        row.DeclaredByCode = declaration.DeclaredByCode;
        row.DeclareTime = declaration.DeclareTime.UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// Inside the caller's transaction: the first institution with a declaration in force on the
    /// day (or later) loses one resident from the day on. The day gets a row of its own, copied from
    /// the one in force, so the days before keep what they were.
    /// </summary>
    public static async Task LowerResidentsAsync(GatewayDbContext db, IReadOnlyList<string> institutionCodes, DateOnly from, CancellationToken cancellationToken)
    {
        foreach (var code in institutionCodes)
        {
            var inForce = await db.Occupancy.AsNoTracking()
                .Where(o => o.InstitutionCode == code && o.EffectiveFrom <= from)
                .OrderByDescending(o => o.EffectiveFrom)
                .FirstOrDefaultAsync(cancellationToken);
            if (inForce is null && !await db.Occupancy.AnyAsync(o => o.InstitutionCode == code, cancellationToken))
            {
                continue;
            }

            if (inForce is not null && inForce.EffectiveFrom < from)
            {
                db.Occupancy.Add(new OccupancyRow
                {
                    InstitutionCode = code,
                    EffectiveFrom = from,
                    Places = inForce.Places,
                    Residents = inForce.Residents,
                    DeclareTime = DateTime.UtcNow,
                });
                await db.SaveChangesAsync(cancellationToken);
            }

            await db.Occupancy
                .Where(o => o.InstitutionCode == code && o.EffectiveFrom >= from && o.Residents > 0)
                .ExecuteUpdateAsync(u => u.SetProperty(o => o.Residents, o => o.Residents - 1), cancellationToken);
            return;
        }
    }
}
