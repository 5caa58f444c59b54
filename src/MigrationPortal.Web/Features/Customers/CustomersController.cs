using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MigrationPortal.Web.Infrastructure.Authorization;

namespace MigrationPortal.Web.Features.Customers;

[Route("customers")]
public sealed class CustomersController(IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    [Authorize(Policy = Policies.Staff)]
    public async Task<IActionResult> Index(string? q, [FromServices] CustomerList.Handler h, CancellationToken ct, int page = 1) =>
        View(await h.GetAsync(q, page, User, ct));

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Show(int id, [FromServices] CustomerDetails.Handler h, CancellationToken ct) =>
        await h.GetAsync(id, User, ct) is { } vm ? View(vm) : NotFound();

    [HttpGet("new")]
    [Authorize(Policy = Policies.CustomerEditor)]
    public IActionResult New() => View("Edit", new CustomerForm());

    [HttpPost("new")]
    [Authorize(Policy = Policies.CustomerEditor)]
    public Task<IActionResult> New(CustomerForm form, [FromServices] SaveCustomer.Handler h, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.Id = null;
        return SaveAsync(form, h, ct);
    }

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, [FromServices] SaveCustomer.Handler h, CancellationToken ct) =>
        await h.GetAsync(id, User, ct) switch
        {
            (SaveCustomer.Outcome.Saved, { } form) => View(form),
            (SaveCustomer.Outcome.Forbidden, _) => Forbid(),
            _ => NotFound(),
        };

    [HttpPost("{id:int}/edit")]
    public Task<IActionResult> Edit(int id, CustomerForm form, [FromServices] SaveCustomer.Handler h, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.Id = id;
        return SaveAsync(form, h, ct);
    }

    [HttpGet("{id:int}/contacts/new")]
    public async Task<IActionResult> NewContact(int id, [FromServices] SaveCustomer.Handler h, CancellationToken ct) =>
        await h.GetAsync(id, User, ct) switch
        {
            (SaveCustomer.Outcome.Saved, { } c) => View("EditContact", new ContactPage(c.Name, new ContactForm { CustomerId = id })),
            (SaveCustomer.Outcome.Forbidden, _) => Forbid(),
            _ => NotFound(),
        };

    [HttpGet("{id:int}/contacts/{contactId:int}/edit")]
    public async Task<IActionResult> EditContact(int id, int contactId, [FromServices] SaveCustomer.Handler h, CancellationToken ct)
    {
        var (access, customer) = await h.GetAsync(id, User, ct);
        if (access != SaveCustomer.Outcome.Saved)
        {
            return access == SaveCustomer.Outcome.Forbidden ? Forbid() : NotFound();
        }

        return await h.GetContactAsync(id, contactId, ct) is { } form ? View("EditContact", new ContactPage(customer!.Name, form)) : NotFound();
    }

    [HttpPost("{id:int}/contacts/new")]
    public Task<IActionResult> NewContact(int id, ContactForm form, [FromServices] SaveCustomer.Handler h, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        (form.CustomerId, form.Id) = (id, null);
        return SaveContactAsync(form, h, ct);
    }

    [HttpPost("{id:int}/contacts/{contactId:int}/edit")]
    public Task<IActionResult> EditContact(int id, int contactId, ContactForm form, [FromServices] SaveCustomer.Handler h, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        (form.CustomerId, form.Id) = (id, contactId);
        return SaveContactAsync(form, h, ct);
    }

    private async Task<IActionResult> SaveContactAsync(ContactForm form, SaveCustomer.Handler h, CancellationToken ct)
    {
        var (access, customer) = await h.GetAsync(form.CustomerId, User, ct);
        if (access != SaveCustomer.Outcome.Saved)
        {
            return access == SaveCustomer.Outcome.Forbidden ? Forbid() : NotFound();
        }

        if (!ModelState.IsValid)
        {
            return View("EditContact", new ContactPage(customer!.Name, form));
        }

        switch (await h.SaveContactAsync(form, User, ct))
        {
            case SaveCustomer.Outcome.Saved:
                TempData["Flash"] = l["Contact.Saved"].Value;
                return Redirect($"/customers/{form.CustomerId}");
            case SaveCustomer.Outcome.Conflict:
                Response.StatusCode = StatusCodes.Status409Conflict;
                ModelState.Clear();
                ModelState.AddModelError(string.Empty, l["Common.ConflictKept"]);
                return View("EditContact", new ContactPage(customer!.Name, form));
            case SaveCustomer.Outcome.Forbidden:
                return Forbid();
            default:
                return NotFound();
        }
    }

    private async Task<IActionResult> SaveAsync(CustomerForm form, SaveCustomer.Handler h, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            // Access first: an invalid form for someone else's customer is a 404, not a form.
            if (form.Id is { } existingId)
            {
                var (access, _) = await h.GetAsync(existingId, User, ct);
                if (access != SaveCustomer.Outcome.Saved)
                {
                    return access == SaveCustomer.Outcome.Forbidden ? Forbid() : NotFound();
                }
            }

            return View("Edit", form);
        }

        var (outcome, id) = await h.SaveAsync(form, User, ct);
        switch (outcome)
        {
            case SaveCustomer.Outcome.Saved:
                TempData["Flash"] = l["Customer.Saved"].Value;
                return Redirect($"/customers/{id}");
            case SaveCustomer.Outcome.NotFound:
                return NotFound();
            case SaveCustomer.Outcome.Forbidden:
                return Forbid();
            case SaveCustomer.Outcome.DuplicateOrgNumber:
                ModelState.AddModelError(nameof(form.OrgNumber), l["Validation.OrgNumber.Duplicate"]);
                return View("Edit", form);
            default:
                Response.StatusCode = StatusCodes.Status409Conflict;
                ModelState.AddModelError(string.Empty, l["Common.ConflictKept"]);
                if ((await h.GetAsync(id, User, ct)).Item2 is { } current)
                {
                    form.Version = current.Version;
                }

                return View("Edit", form);
        }
    }
}

public sealed record ContactPage(string CustomerName, ContactForm Form);
