using Microsoft.EntityFrameworkCore;

namespace DeinstGateway.Persistence.Database;

public sealed class SqliteGatewayDbContext(DbContextOptions<SqliteGatewayDbContext> options) : GatewayDbContext(options);
