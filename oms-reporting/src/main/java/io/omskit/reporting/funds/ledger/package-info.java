/**
 * Double-entry ledgers of order money: accounts per party ({@link io.omskit.reporting.funds.ledger.Account}),
 * postings whose debits equal their credits in every currency ({@link io.omskit.reporting.funds.ledger.Posting}), and
 * the book that holds them ({@link io.omskit.reporting.funds.ledger.Ledger}).
 */
package io.omskit.reporting.funds.ledger;
