/**
 * Bot: answers customers first in live chat from the tenant's published knowledge entries when it is confident,
 * asks "Did this solve your problem?" and records the answer, and hands the conversation to people when the
 * customer asks, when it is unsure or unhelpful, or when triage, VIP status or the tenant's settings say so,
 * announcing {@link io.oriole.bot.BotHandoffRequested} with the transcript, the triage result and a summary.
 * Once handed off, it stays quiet until an agent sends the conversation back. A tenant may let an OpenAI-compatible
 * model phrase the confident answers from the retrieved entries, citing them ({@link io.oriole.bot.GenerativeSettings});
 * any failure falls back to the entry's own text.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Bot")
package io.oriole.bot;
