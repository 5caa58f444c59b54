using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MigrationPortal.Web.Features.Shared;
using MigrationPortal.Web.Infrastructure.Authorization;
using MigrationPortal.Web.Infrastructure.Results;

namespace MigrationPortal.Web.Features.Customers;

[Route("customers")]
public sealed class CustomersController : PortalController
{
    [HttpGet("")]
    [Authorize(Policy = Policies.Staff)]
    public async Task<IActionResult> Index(string? q, [FromServices] CustomerList.Handler h, CancellationToken ct, int page = 1) =>
        View(await h.GetAsync(q, page, User, ct));

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Show(int id, [FromServices] CustomerDetails.Handler h, CancellationToken ct) =>
        Page(await h.GetAsync(id, User, ct));

    [HttpGet("new")]
    [Authorize(Policy = Policies.CustomerEditor)]
    public async Task<IActionResult> New([FromServices] SaveCustomer.Handler h, CancellationToken ct) =>
        Page(await h.NewAsync(User, ct), "Edit");

    [HttpPost("new")]
    [Authorize(Policy = Policies.CustomerEditor)]
    public async Task<IActionResult> New(CustomerForm form, [FromServices] SaveCustomer.Handler h, CancellationToken ct) =>
        SavedCustomer(await h.SaveAsync(form, ModelState.IsValid, User, ct));

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, [FromServices] SaveCustomer.Handler h, CancellationToken ct) =>
        Page(await h.GetAsync(id, User, ct));

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit(CustomerForm form, [FromServices] SaveCustomer.Handler h, CancellationToken ct) =>
        SavedCustomer(await h.SaveAsync(form, ModelState.IsValid, User, ct));

    [HttpGet("{id:int}/contacts/new")]
    public async Task<IActionResult> NewContact(int id, [FromServices] SaveCustomer.Handler h, CancellationToken ct) =>
        Page(await h.GetContactAsync(id, null, User, ct), "EditContact");

    [HttpPost("{id:int}/contacts/new")]
    public async Task<IActionResult> NewContact(ContactForm form, [FromServices] SaveCustomer.Handler h, CancellationToken ct) =>
        SavedContact(await h.SaveContactAsync(form, ModelState.IsValid, User, ct));

    [HttpGet("{id:int}/contacts/{contactId:int}/edit")]
    public async Task<IActionResult> EditContact(int id, int contactId, [FromServices] SaveCustomer.Handler h, CancellationToken ct) =>
        Page(await h.GetContactAsync(id, contactId, User, ct), "EditContact");

    [HttpPost("{id:int}/contacts/{contactId:int}/edit")]
    public async Task<IActionResult> EditContact(ContactForm form, [FromServices] SaveCustomer.Handler h, CancellationToken ct) =>
        SavedContact(await h.SaveContactAsync(form, ModelState.IsValid, User, ct));

    private IActionResult SavedCustomer(Result<int> result) =>
        Saved(result, "Edit", "Customer.Saved", id => RedirectToAction(nameof(Show), new { id }));

    private IActionResult SavedContact(Result<int> result) =>
        Saved(result, "EditContact", "Contact.Saved", id => RedirectToAction(nameof(Show), new { id }));
}
