using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using CountyTech.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CountyTech.Reporting.Infrastructure;

/// <summary>
/// A measure's total for one year and township (<c>subject_totals</c>; '' for the county-wide measure): the sum of its
/// subjects' <see cref="SubjectContribution"/>s there. For a distinct count, the number of subjects with an entry in the
/// year; for a stock, the change of the number of subjects in the stock at the end of the year (the stock at <c>end(Y)</c>
/// is the sum up to Y).
/// </summary>
public sealed class SubjectTotal
{
    public required string Measure { get; init; }

    public required string Township { get; init; }

    public required int Year { get; init; }

    public required long Value { get; init; }
}

/// <summary>What one subject (an enterprise, a commissioner, a patent…) adds to a measure's totals of a year and township.</summary>
public sealed class SubjectContribution
{
    public required string Measure { get; init; }

    public required Guid Subject { get; init; }

    public required string Township { get; init; }

    public required int Year { get; init; }

    public required long Value { get; init; }
}

/// <summary>
/// A subject whose contributions are maintained: the row a writer locks before it derives the subject's contributions
/// again, so that two transactions changing one subject's facts take turns and the second sees the first's facts.
/// </summary>
public sealed class SubjectLock
{
    public required Guid Subject { get; init; }
}

/// <summary>
/// A measure as the database maintains it (<c>subject_measures</c>): its key, the fact tables its entries read (all of
/// them carrying the subject in <see cref="SubjectColumn"/>), and <see cref="ContributionsSql"/>, the SELECT that
/// derives the contributions <c>(subject, township, year, value)</c> of the subjects it is given.
/// </summary>
public sealed class SubjectMeasure
{
    public required string Measure { get; init; }

    /// <summary>The fact tables read, comma-separated in ordinal order.</summary>
    public required string FactTables { get; init; }

    public required string SubjectColumn { get; init; }

    /// <summary>Rows <c>(subject, township, year, value)</c>; <see cref="SubjectFilter"/> stands where the subjects to derive are chosen.</summary>
    public required string ContributionsSql { get; init; }

    /// <summary>The placeholder in <see cref="ContributionsSql"/> for the condition on the entries' subjects.</summary>
    public const string SubjectFilter = "{subject_filter}";

    public IReadOnlyList<string> Tables => FactTables.Split(',');

    /// <summary>The contributions of the subjects in <paramref name="subjects"/> (a <c>uuid[]</c>), or of every subject when null.</summary>
    public string ContributionsOf(string? subjects) =>
        ContributionsSql.Replace(SubjectFilter, subjects is null ? "" : $"WHERE e.subject = ANY({subjects})", StringComparison.Ordinal);

    /// <summary>
    /// The measure of <paramref name="entries"/> (EF's SQL of rows whose first column is the subject), whose contributions
    /// <paramref name="contributions"/> derives from those rows (<c>e</c>, filtered to the subjects asked for): its key is
    /// a hash of the whole SQL, so a changed definition is a new measure derived afresh.
    /// </summary>
    internal static SubjectMeasure Of(ReportingDbContext db, string entries, string columns, Func<string, string> contributions)
    {
        if (entries.Contains('@', StringComparison.Ordinal) || entries.Contains("--", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"A measure's entries must be a query without parameters to be maintained:\n{entries}");
        }

        var facts = db.Model.GetEntityTypes().Where(type => typeof(IFact).IsAssignableFrom(type.ClrType)).ToList();
        var read = facts
            .Where(type => entries.Contains($"FROM {type.GetTableName()} AS ", StringComparison.Ordinal)
                || entries.Contains($"JOIN {type.GetTableName()} AS ", StringComparison.Ordinal))
            .ToList();
        // The subject is the first column EF selects ("SELECT alias.column"), or, from a set operation, the column each of
        // its parts selects as it ("alias.column AS \"Subject\""); every table read must carry it by that name.
        var first = entries["SELECT ".Length..entries.IndexOfAny([',', ' '], "SELECT ".Length)];
        var named = first[(first.IndexOf('.', StringComparison.Ordinal) + 1)..];
        var subjectColumn = named.StartsWith('"')
            ? Regex.Matches(entries, $@"\w+\.(\w+) AS {Regex.Escape(named)}").Select(m => m.Groups[1].Value).Distinct().SingleOrDefault() ?? named
            : named;
        if (read.Count == 0 || read.Any(type => type.GetProperties().All(p => p.GetColumnName() != subjectColumn)))
        {
            throw new InvalidOperationException(
                $"A measure's entries must read fact tables that all carry its subject as {subjectColumn}, to be maintained:\n{entries}");
        }

        var sql = contributions($"(SELECT * FROM ({entries}) AS e({columns}) {SubjectFilter})");
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql)))[..16];
        return new SubjectMeasure
        {
            Measure = hash,
            FactTables = string.Join(',', read.Select(type => type.GetTableName()!).Distinct().Order(StringComparer.Ordinal)),
            SubjectColumn = subjectColumn,
            ContributionsSql = sql,
        };
    }
}

internal sealed class SubjectTotalConfiguration : IEntityTypeConfiguration<SubjectTotal>
{
    public void Configure(EntityTypeBuilder<SubjectTotal> builder)
    {
        builder.ToTable("subject_totals");
        builder.HasKey(t => new { t.Measure, t.Township, t.Year });
    }
}

internal sealed class SubjectContributionConfiguration : IEntityTypeConfiguration<SubjectContribution>
{
    public void Configure(EntityTypeBuilder<SubjectContribution> builder)
    {
        builder.ToTable("subject_contributions");
        builder.HasKey(c => new { c.Measure, c.Subject, c.Township, c.Year });
    }
}

internal sealed class SubjectLockConfiguration : IEntityTypeConfiguration<SubjectLock>
{
    public void Configure(EntityTypeBuilder<SubjectLock> builder)
    {
        builder.ToTable("subject_locks");
        builder.HasKey(l => l.Subject);
    }
}

internal sealed class SubjectMeasureConfiguration : IEntityTypeConfiguration<SubjectMeasure>
{
    public void Configure(EntityTypeBuilder<SubjectMeasure> builder)
    {
        builder.ToTable("subject_measures");
        builder.HasKey(m => m.Measure);
        builder.Ignore(m => m.Tables);
    }
}

/// <summary>
/// Keeps the distinct counts and stocks (家数, 存量) in the transaction of the fact writes, as <see cref="FlowTotals"/>
/// keeps the flows: each is a sum of what its subjects contribute (an enterprise counted once in a year however many
/// certificates it got; a stock's subject entering and leaving at its merged intervals), and a subject's contribution
/// depends on its own facts only. One statement trigger per fact table and operation takes the subjects of the rows a
/// statement changed, locks them (<see cref="SubjectLock"/>), takes their old contributions out of the totals and puts
/// in those derived again from all their facts with the measure's own <see cref="SubjectMeasure.ContributionsSql"/>.
/// </summary>
public static class SubjectTotals
{
    private const string TriggerPrefix = "subject_totals";

    /// <summary>
    /// Makes the database maintain exactly <paramref name="measures"/> (<see cref="KeptTotals{TDefinition}.InstallAsync"/>,
    /// as for flows): what measures gone left is dropped and new measures are derived from the stored facts.
    /// </summary>
    public static Task<bool> InstallAsync(ReportingDbContext db, IEnumerable<SubjectMeasure> measures, CancellationToken cancellationToken) =>
        Measures.Instance.InstallAsync(db, [.. measures.DistinctBy(m => m.Measure)], cancellationToken);

    /// <summary>
    /// Derives every installed measure's contributions and totals afresh from the facts, as <see cref="InstallAsync"/>
    /// does for a new measure (the same SQL): what the maintained totals must equal.
    /// </summary>
    public static Task DeriveAsync(ReportingDbContext db, CancellationToken cancellationToken) =>
        db.InTransactionAsync(async (db, cancellationToken) =>
        {
            var installed = await db.Set<SubjectMeasure>().AsNoTracking().ToListAsync(cancellationToken);
            await StatementTriggers.HoldAgainstWritesAsync(db, installed.SelectMany(m => m.Tables).Distinct(), cancellationToken);
            await db.Set<SubjectTotal>().ExecuteDeleteAsync(cancellationToken);
            await db.Set<SubjectContribution>().ExecuteDeleteAsync(cancellationToken);
            foreach (var measure in installed)
            {
                await DeriveAllAsync(db, measure, cancellationToken);
            }

            return 0;
        }, cancellationToken);

    private static Task<int> DeriveAllAsync(ReportingDbContext db, SubjectMeasure measure, CancellationToken cancellationToken) =>
        StatementTriggers.ExecuteAsync(db, Add(measure, subjects: null), cancellationToken);

    /// <summary>Inserts the contributions of <paramref name="subjects"/> (every subject when null) and adds them to the totals, in key order.</summary>
    private static string Add(SubjectMeasure measure, string? subjects) =>
        $"WITH added AS (INSERT INTO subject_contributions (measure, subject, township, year, value) " +
        $"SELECT '{measure.Measure}', subject, township, year, value FROM ({measure.ContributionsOf(subjects)}) AS c " +
        "RETURNING township, year, value) " +
        Totals(measure, "added", subtract: false);

    /// <summary>Deletes the contributions of <paramref name="subjects"/> and takes them out of the totals, in key order.</summary>
    private static string Remove(SubjectMeasure measure, string subjects) =>
        $"WITH removed AS (DELETE FROM subject_contributions WHERE measure = '{measure.Measure}' AND subject = ANY({subjects}) " +
        "RETURNING township, year, value) " +
        Totals(measure, "removed", subtract: true);

    private static string Totals(SubjectMeasure measure, string relation, bool subtract) =>
        "INSERT INTO subject_totals AS t (measure, township, year, value) " +
        $"SELECT '{measure.Measure}', township, year, {(subtract ? "-" : "")}sum(value) FROM {relation} GROUP BY township, year ORDER BY township, year " +
        "ON CONFLICT (measure, township, year) DO UPDATE SET value = t.value + EXCLUDED.value";

    /// <summary>
    /// The triggers of one fact table: the subjects of the changed rows (old and new), locked in order (a row each in
    /// <c>subject_locks</c>; each later statement sees what a transaction that held one committed), then per measure
    /// their contributions removed and derived again.
    /// </summary>
    private static string CreateTriggers(string table, IReadOnlyList<SubjectMeasure> measures)
    {
        var column = measures[0].SubjectColumn;
        var body = new StringBuilder(
            "DECLARE subjects uuid[]; BEGIN " +
            $"IF TG_OP = 'INSERT' THEN subjects := ARRAY(SELECT DISTINCT {column} FROM new_rows); " +
            $"ELSIF TG_OP = 'DELETE' THEN subjects := ARRAY(SELECT DISTINCT {column} FROM old_rows); " +
            $"ELSE subjects := ARRAY(SELECT {column} FROM old_rows UNION SELECT {column} FROM new_rows); END IF; " +
            "INSERT INTO subject_locks AS l (subject) SELECT s FROM unnest(subjects) AS s ORDER BY s " +
            "ON CONFLICT (subject) DO UPDATE SET subject = l.subject; ");
        foreach (var measure in measures)
        {
            if (measure.SubjectColumn != column)
            {
                throw new InvalidOperationException($"The measures reading {table} name its subject differently: {column}, {measure.SubjectColumn}.");
            }

            body.Append(Remove(measure, "subjects")).Append("; ").Append(Add(measure, "subjects")).Append("; ");
        }

        body.Append("RETURN NULL; END");
        return StatementTriggers.Create(TriggerPrefix, table, body.ToString());
    }

    private sealed class Measures : KeptTotals<SubjectMeasure>
    {
        public static readonly Measures Instance = new();

        protected override string Prefix => TriggerPrefix;

        protected override string Key(SubjectMeasure definition) => definition.Measure;

        protected override IReadOnlyList<string> Tables(SubjectMeasure definition) => definition.Tables;

        protected override async Task ForgetAsync(ReportingDbContext db, IReadOnlyList<string> gone, CancellationToken cancellationToken)
        {
            await db.Set<SubjectTotal>().Where(t => gone.Contains(t.Measure)).ExecuteDeleteAsync(cancellationToken);
            await db.Set<SubjectContribution>().Where(c => gone.Contains(c.Measure)).ExecuteDeleteAsync(cancellationToken);
            await db.Set<SubjectMeasure>().Where(m => gone.Contains(m.Measure)).ExecuteDeleteAsync(cancellationToken);
        }

        protected override Task DeriveAsync(ReportingDbContext db, SubjectMeasure definition, CancellationToken cancellationToken) =>
            DeriveAllAsync(db, definition, cancellationToken);

        protected override string CreateTriggers(string table, IReadOnlyList<SubjectMeasure> definitions) =>
            SubjectTotals.CreateTriggers(table, definitions);
    }
}
