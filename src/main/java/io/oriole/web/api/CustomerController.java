package io.oriole.web.api;

import java.net.URI;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.oriole.conversation.ConversationManagement;
import io.oriole.customer.AccountFacts;
import io.oriole.customer.Customer;
import io.oriole.customer.CustomerKind;
import io.oriole.customer.CustomerManagement.CustomerDetails;
import io.oriole.customer.CustomerManagement;
import io.oriole.customer.VipTier;
import io.oriole.identity.Permission;
import io.oriole.identity.RequiresPermission;
import io.oriole.identity.StaffPrincipal;
import io.oriole.shared.PlainText;
import io.oriole.web.api.ConversationController.ConversationResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/customers")
@Tag(name = "Customers", description = "Customers of the tenant and their conversation history")
class CustomerController {

    private final CustomerManagement customers;
    private final ConversationManagement conversations;

    CustomerController(CustomerManagement customers, ConversationManagement conversations) {
        this.customers = customers;
        this.conversations = conversations;
    }

    /**
     * A customer's details. {@code externalId} is the tenant's own id for the customer and is only taken on create:
     * it is how the widget recognises a signed-in user, so changing it would split their history.
     */
    record SaveCustomer(@NotNull CustomerKind kind, @NotBlank @Size(max = 120) String name,
            @Size(max = 200) String organisation, @Email @Size(max = 254) String email,
            @Size(max = 40) String phone, VipTier vipTier, @Size(max = 16) String locale,
            @Size(max = 128) String externalId) {

        CustomerDetails details() {
            if (kind == CustomerKind.ENTERPRISE && (organisation == null || organisation.isBlank())) {
                throw new InvalidFieldException("organisation", "is required for an ENTERPRISE customer");
            }
            return new CustomerDetails(kind, PlainText.line("name", name, 120),
                    PlainText.optionalLine("organisation", organisation, 200), blankToNull(email),
                    blankToNull(phone), vipTier, blankToNull(locale), blankToNull(externalId));
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    record CustomerResponse(long id, CustomerKind kind, String name, String organisation, String email,
            String phone, VipTier vipTier, String locale, String externalId, int conversationCount,
            boolean returning, Instant lastConversationAt, Instant createdAt) {

        static CustomerResponse of(Customer c) {
            return new CustomerResponse(c.id(), c.kind(), c.name(), c.organisation(), c.email(), c.phone(),
                    c.vipTier(), c.locale(), c.externalId(), c.conversationCount(), c.isReturning(),
                    c.lastConversationAt(), c.createdAt());
        }
    }

    /** {@code returning} is true once the customer has had more than one conversation. */
    record ConversationHistory(long customerId, boolean returning, int conversationCount,
            List<ConversationResponse> conversations) {
    }

    @RequiresPermission(Permission.VIEW_CUSTOMERS)
    @GetMapping
    ResultPage<CustomerResponse> list(@AuthenticationPrincipal StaffPrincipal me,
            @RequestParam(defaultValue = "0") @PositiveOrZero int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(ConversationManagement.MAX_PAGE) int size) {
        return ResultPage.of(customers.list(me.tenantId(), page * size, size), CustomerResponse::of, page, size,
                customers.count(me.tenantId()));
    }

    @RequiresPermission(Permission.VIEW_CUSTOMERS)
    @GetMapping("/{id}")
    CustomerResponse get(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id) {
        return CustomerResponse.of(customers.get(me.tenantId(), id));
    }

    @RequiresPermission(Permission.EDIT_CUSTOMERS)
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<CustomerResponse> create(@AuthenticationPrincipal StaffPrincipal me,
            @Valid @RequestBody SaveCustomer request) {
        if (request.vipTier() != null && request.vipTier() != VipTier.NONE) {
            Permission.SET_CUSTOMER_TIER.demand(me);
        }
        Customer created = customers.create(me.tenantId(), request.details());
        return ResponseEntity.created(URI.create("/api/v1/customers/" + created.id()))
                .body(CustomerResponse.of(created));
    }

    @RequiresPermission(Permission.EDIT_CUSTOMERS)
    @PutMapping("/{id}")
    @Operation(summary = "Replace a customer's details", description = "externalId is set on create only")
    CustomerResponse update(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id,
            @Valid @RequestBody SaveCustomer request) {
        Customer existing = customers.get(me.tenantId(), id);
        if (request.externalId() != null && !request.externalId().equals(existing.externalId())) {
            throw new InvalidFieldException("externalId", "can only be set when the customer is created");
        }
        if (request.vipTier() != null && request.vipTier() != existing.vipTier()) {
            Permission.SET_CUSTOMER_TIER.demand(me);
        }
        return customers.update(me.tenantId(), id, request.details()).map(CustomerResponse::of)
                .orElseThrow(() -> new UnknownIdException("customer", id));
    }

    @RequiresPermission(Permission.VIEW_CUSTOMERS)
    @GetMapping("/{id}/conversations")
    @Operation(summary = "A customer's conversations, newest first, whatever their status")
    ConversationHistory history(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id,
            @RequestParam(defaultValue = "50") @Min(1) @Max(ConversationManagement.MAX_PAGE) int limit) {
        Customer customer = customers.get(me.tenantId(), id);
        return new ConversationHistory(customer.id(), customer.isReturning(), customer.conversationCount(),
                conversations.ofCustomer(me.tenantId(), id, limit).stream().map(ConversationResponse::of).toList());
    }

    /** Account facts from which the tenant's tier rules compute the VIP tier; every part is optional. */
    record SaveAccountFacts(@PositiveOrZero Integer employees, @PositiveOrZero BigDecimal monthlySpend,
            @PastOrPresent LocalDate customerSince) {
    }

    record AccountFactsResponse(long customerId, Integer employees, BigDecimal monthlySpend, LocalDate customerSince,
            VipTier vipTier) {
    }

    @RequiresPermission(Permission.VIEW_CUSTOMERS)
    @GetMapping("/{id}/account")
    @Operation(summary = "A customer's account facts (business size, monthly spend, customer since) and its tier")
    AccountFactsResponse accountFacts(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id) {
        Customer customer = customers.get(me.tenantId(), id);
        AccountFacts facts = customers.accountFacts(me.tenantId(), id).orElse(new AccountFacts(null, null, null));
        return new AccountFactsResponse(id, facts.employees(), facts.monthlySpend(), facts.customerSince(),
                customer.vipTier());
    }

    @RequiresPermission(Permission.SET_CUSTOMER_TIER)
    @PutMapping("/{id}/account")
    @Operation(summary = "Replace a customer's account facts; the VIP tier is recomputed from the tenant's tier "
            + "rules at once (unchanged when the tenant has none)")
    AccountFactsResponse saveAccountFacts(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id,
            @Valid @RequestBody SaveAccountFacts request) {
        AccountFacts facts = new AccountFacts(request.employees(), request.monthlySpend(), request.customerSince());
        Customer updated = customers.updateAccountFacts(me.tenantId(), id, facts)
                .orElseThrow(() -> new UnknownIdException("customer", id));
        return new AccountFactsResponse(id, facts.employees(), facts.monthlySpend(), facts.customerSince(),
                updated.vipTier());
    }
}
