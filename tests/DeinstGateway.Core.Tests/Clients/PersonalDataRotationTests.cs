using System.Globalization;
using System.Security.Cryptography;
using DeinstGateway.Core.Clients;

namespace DeinstGateway.Core.Tests.Clients;

public sealed class PersonalDataRotationTests
{
    private static readonly byte[] Encryption1 = RandomNumberGenerator.GetBytes(32);
    private static readonly byte[] Encryption2 = RandomNumberGenerator.GetBytes(32);
    private static readonly byte[] Lookup1 = RandomNumberGenerator.GetBytes(32);
    private static readonly byte[] Lookup2 = RandomNumberGenerator.GetBytes(32);

    private static readonly PersonalDataProtector KeySet1 = Protector([(1, Encryption1)], [(1, Lookup1)]);
    private static readonly PersonalDataProtector BothKeySets = Protector([(1, Encryption1), (2, Encryption2)], [(1, Lookup1), (2, Lookup2)]);
    private static readonly PersonalDataProtector KeySet2 = Protector([(2, Encryption2)], [(2, Lookup2)]);
    private static int _people;

    [Fact]
    public async Task ReencryptAsync_RowsUnderOldKeys_RewritesEveryRowUnderTheActiveKeys()
    {
        // Arrange
        var store = new InMemoryClientKeyStore(Clients(KeySet1, 7));
        var rotation = new PersonalDataRotation(store, BothKeySets);

        // Act
        var result = await rotation.ReencryptAsync(batchSize: 3, CancellationToken.None);

        // Assert
        Assert.Equal(new ReencryptionResult(7, 7), result);
        Assert.Equal(3, store.Commits);
        Assert.All(store.Rows, row => AssertUnder(KeySet2, row));
    }

    [Fact]
    public async Task ReencryptAsync_RunAgain_ChangesNothing()
    {
        // Arrange
        var store = new InMemoryClientKeyStore(Clients(KeySet1, 4));
        var rotation = new PersonalDataRotation(store, BothKeySets);
        await rotation.ReencryptAsync(batchSize: 2, CancellationToken.None);
        var after = store.Rows.ToList();

        // Act
        var result = await rotation.ReencryptAsync(batchSize: 2, CancellationToken.None);

        // Assert
        Assert.Equal(new ReencryptionResult(4, 0), result);
        Assert.Equal(after, store.Rows);
    }

    [Fact]
    public async Task ReencryptAsync_StoppedAfterOneBatch_RerunFinishesTheRest()
    {
        // Arrange
        var store = new InMemoryClientKeyStore(Clients(KeySet1, 5)) { FailOnCommit = 2 };
        var rotation = new PersonalDataRotation(store, BothKeySets);
        await Assert.ThrowsAsync<IOException>(() => rotation.ReencryptAsync(batchSize: 2, CancellationToken.None));
        store.FailOnCommit = null;

        // Act
        var result = await rotation.ReencryptAsync(batchSize: 2, CancellationToken.None);

        // Assert
        Assert.Equal(new ReencryptionResult(5, 3), result);
        Assert.All(store.Rows, row => AssertUnder(KeySet2, row));
    }

    [Fact]
    public async Task ReencryptAsync_OnlyTheLookupKeyRotated_KeepsTheCiphertextAndRehashes()
    {
        // Arrange
        var store = new InMemoryClientKeyStore(Clients(KeySet1, 2));
        var before = store.Rows.ToList();
        var rotation = new PersonalDataRotation(store, Protector([(1, Encryption1)], [(1, Lookup1), (2, Lookup2)]));

        // Act
        var result = await rotation.ReencryptAsync(batchSize: 10, CancellationToken.None);

        // Assert
        Assert.Equal(new ReencryptionResult(2, 2), result);
        Assert.Equal(before.Select(r => r.ProtectedIdentity), store.Rows.Select(r => r.ProtectedIdentity));
        Assert.All(store.Rows, row => Assert.Equal(2, KeySet2.LookupKeyIdOf(Identity(BothKeySets, row).PersonalCode, row.PersonalCodeHash)));
    }

    [Fact]
    public async Task CountRowsUnderAsync_BeforeAndAfterReencryption_CountsRowsThatStillNeedTheKey()
    {
        // Arrange
        var store = new InMemoryClientKeyStore([.. Clients(KeySet1, 3), .. Clients(BothKeySets, 2)]);
        var rotation = new PersonalDataRotation(store, BothKeySets);

        // Act
        var before = await rotation.CountRowsUnderAsync(1, batchSize: 2, CancellationToken.None);
        await rotation.ReencryptAsync(batchSize: 2, CancellationToken.None);
        var after = await rotation.CountRowsUnderAsync(1, batchSize: 2, CancellationToken.None);

        // Assert
        Assert.Equal(3, before);
        Assert.Equal(0, after);
    }

    [Fact]
    public async Task ReencryptAsync_PersonCopiesOfTransfersUnderTheOldKey_RewritesThemAndCountsThemBefore()
    {
        // Arrange
        var store = new InMemoryClientKeyStore(Clients(KeySet1, 1), Copies(KeySet1, 3));
        var rotation = new PersonalDataRotation(store, BothKeySets);
        var before = await rotation.CountRowsUnderAsync(1, batchSize: 2, CancellationToken.None);

        // Act
        var result = await rotation.ReencryptAsync(batchSize: 2, CancellationToken.None);

        // Assert
        Assert.Equal(4, before);
        Assert.Equal(new ReencryptionResult(4, 4), result);
        Assert.Equal(0, await rotation.CountRowsUnderAsync(1, batchSize: 2, CancellationToken.None));
        Assert.All(store.Copies, copy =>
        {
            Assert.Equal(2, BothKeySets.KeyIdOf(copy.ProtectedIdentity));
            Assert.Equal("Ozola", KeySet2.Unprotect(copy.ProtectedIdentity, ProtectedPerson.AssociatedData(copy.TransferId)).FamilyName);
        });
    }

    private static List<PersonCopy> Copies(PersonalDataProtector protector, int count) =>
        Enumerable.Range(0, count).Select(_ =>
        {
            var transferId = Guid.NewGuid().ToString("D");
            var identity = new ClientIdentity(NewFormatCode(Interlocked.Increment(ref _people)), null, "Anna", "Ozola");
            return new PersonCopy(transferId, protector.Protect(identity, ProtectedPerson.AssociatedData(transferId)));
        }).ToList();

    private static void AssertUnder(PersonalDataProtector protector, ClientRecord row)
    {
        var identity = Identity(protector, row);
        Assert.Equal(protector.ActiveKeyId, protector.KeyIdOf(row.ProtectedIdentity));
        Assert.Equal(protector.LookupHash(identity.PersonalCode), row.PersonalCodeHash);
        Assert.Equal(protector.LookupHash(identity.FormerPersonalCode!.Value), row.FormerPersonalCodeHash);
    }

    private static ClientIdentity Identity(PersonalDataProtector protector, ClientRecord row) =>
        protector.Unprotect(row.ProtectedIdentity, ClientRecord.AssociatedData(row.Id));

    /// <summary>Clients as a gateway with these keys writes them, each with a new and a former code.</summary>
    private static List<ClientRecord> Clients(PersonalDataProtector protector, int count) =>
        Enumerable.Range(0, count).Select(_ =>
        {
            var id = Guid.CreateVersion7().ToString("D");
            var person = Interlocked.Increment(ref _people);
            var identity = new ClientIdentity(NewFormatCode(person), OldFormatCode(person), "Anna", "Ozola");
            return new ClientRecord(
                id,
                protector.LookupHash(identity.PersonalCode),
                protector.LookupHash(identity.FormerPersonalCode!.Value),
                protector.Protect(identity, ClientRecord.AssociatedData(id)),
                new DateOnly(1985, 3, 15),
                TargetGroup.AdultWithIntellectualOrMentalDisability);
        }).ToList();

    private static PersonalCode NewFormatCode(int person) =>
        PersonalCode.Parse("32" + person.ToString("000000000", CultureInfo.InvariantCulture));

    /// <summary>A distinct valid old-format code: the serial after the birth date chosen so that its check digit exists.</summary>
    private static PersonalCode OldFormatCode(int person)
    {
        for (var serial = person * 10; ; serial++)
        {
            var body = "150385" + (serial % 10_000).ToString("0000", CultureInfo.InvariantCulture);
            if (PersonalCode.CheckDigit(body) is { } check)
            {
                return PersonalCode.Parse(body + check.ToString(CultureInfo.InvariantCulture));
            }
        }
    }

    /// <summary>The keys' highest id of each kind is the active one, as after <c>add-personal-data-key</c>.</summary>
    private static PersonalDataProtector Protector((int Id, byte[] Key)[] encryption, (int Id, byte[] Key)[] lookup) =>
        new(new PersonalDataKeys(
            encryption.Max(k => k.Id), encryption.ToDictionary(k => k.Id, k => k.Key), lookup.Max(k => k.Id), lookup.ToDictionary(k => k.Id, k => k.Key)));

    private sealed class InMemoryClientKeyStore(IEnumerable<ClientRecord> clients, IEnumerable<PersonCopy>? copies = null) : IClientKeyStore
    {
        private readonly SortedDictionary<string, ClientRecord> _rows = new(clients.ToDictionary(c => c.Id), StringComparer.Ordinal);
        private readonly SortedDictionary<string, PersonCopy> _copies = new((copies ?? []).ToDictionary(c => c.TransferId), StringComparer.Ordinal);

        public IEnumerable<ClientRecord> Rows => _rows.Values;

        public IEnumerable<PersonCopy> Copies => _copies.Values;

        public int Commits { get; private set; }

        /// <summary>The commit (1-based) that fails, as a lost connection would.</summary>
        public int? FailOnCommit { get; set; }

        public Task<IClientRewrite> BeginRewriteAsync(string? afterId, int limit, CancellationToken cancellationToken) =>
            Task.FromResult<IClientRewrite>(new Rewrite(this, Page(afterId, limit)));

        public Task<IReadOnlyList<ClientRecord>> ReadAsync(string? afterId, int limit, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<ClientRecord>>(Page(afterId, limit));

        public Task<IPersonCopyRewrite> BeginPersonCopyRewriteAsync(string? afterTransferId, int limit, CancellationToken cancellationToken) =>
            Task.FromResult<IPersonCopyRewrite>(new CopyRewrite(this, CopyPage(afterTransferId, limit)));

        public Task<IReadOnlyList<PersonCopy>> ReadPersonCopiesAsync(string? afterTransferId, int limit, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<PersonCopy>>(CopyPage(afterTransferId, limit));

        private List<ClientRecord> Page(string? afterId, int limit) =>
            _rows.Values.Where(c => afterId is null || string.CompareOrdinal(c.Id, afterId) > 0).Take(limit).ToList();

        private List<PersonCopy> CopyPage(string? afterId, int limit) =>
            _copies.Values.Where(c => afterId is null || string.CompareOrdinal(c.TransferId, afterId) > 0).Take(limit).ToList();

        private sealed class CopyRewrite(InMemoryClientKeyStore store, IReadOnlyList<PersonCopy> copies) : IPersonCopyRewrite
        {
            public IReadOnlyList<PersonCopy> Copies => copies;

            public Task CommitAsync(IReadOnlyCollection<PersonCopy> changed, CancellationToken cancellationToken)
            {
                foreach (var copy in changed)
                {
                    store._copies[copy.TransferId] = copy;
                }

                return Task.CompletedTask;
            }

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }

        private sealed class Rewrite(InMemoryClientKeyStore store, IReadOnlyList<ClientRecord> clients) : IClientRewrite
        {
            public IReadOnlyList<ClientRecord> Clients => clients;

            public Task CommitAsync(IReadOnlyCollection<ClientRecord> changed, CancellationToken cancellationToken)
            {
                if (++store.Commits == store.FailOnCommit)
                {
                    throw new IOException("The connection was lost.");
                }

                foreach (var client in changed)
                {
                    store._rows[client.Id] = client;
                }

                return Task.CompletedTask;
            }

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}
