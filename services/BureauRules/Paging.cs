using Microsoft.EntityFrameworkCore;

namespace CountyTech.BureauRules;

/// <summary>One page of a list, as API.md shapes it: <c>{ items, page, pageSize, total }</c>.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

/// <summary>Which page a caller asked for: <c>?page=1&amp;pageSize=50</c>, at most 200 a page.</summary>
public readonly record struct PageRequest(int Number, int Size)
{
    public const int DefaultSize = 50;
    public const int MaxSize = 200;

    /// <summary>Far beyond any list of a county; keeps the row offset well inside an int.</summary>
    public const int MaxNumber = 1_000_000;

    /// <summary>Checks the query values, adding per-field errors for the ones out of range.</summary>
    public static PageRequest From(int? page, int? pageSize, ValidationErrors errors)
    {
        var number = page ?? 1;
        var size = pageSize ?? DefaultSize;
        errors.Require(number is >= 1 and <= MaxNumber, "page", $"page must be between 1 and {MaxNumber}.");
        errors.Require(size is >= 1 and <= MaxSize, "pageSize", $"pageSize must be between 1 and {MaxSize}.");
        return new PageRequest(number, size);
    }
}

public static class PagingExtensions
{
    /// <summary>Counts the query and reads the requested page; the query must already be ordered.</summary>
    public static async Task<PagedList<TOut>> ToPageAsync<TIn, TOut>(
        this IQueryable<TIn> ordered, PageRequest request, Func<TIn, TOut> map, CancellationToken cancellationToken)
    {
        var total = await ordered.CountAsync(cancellationToken);
        var rows = await ordered.Skip((request.Number - 1) * request.Size).Take(request.Size).ToListAsync(cancellationToken);
        return new PagedList<TOut>(rows.Select(map).ToList(), request.Number, request.Size, total);
    }
}
