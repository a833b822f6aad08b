package org.floodready.inventory;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.floodready.access.CurrentUser;

/** A ledger row about to be written: the signed change of one lot and its balance after it. */
final class Movement {
  final String kind;
  final long lotId;
  final long baseId;
  final long itemId;
  final BigDecimal quantity;
  final BigDecimal balance;
  final OffsetDateTime at;
  final CurrentUser actor;
  String note;
  String recipientType;
  String recipient;
  String reason;
  BigDecimal countedQuantity;
  String conditionFrom;
  String conditionTo;
  Long transferId;
  Long stocktakeId;
  /** The incident (险情) an issue served or a return came back from; null for other movements. */
  Long incidentId;
  /** When the server took a movement a phone queued earlier; null = at (written the moment it happened). */
  OffsetDateTime receivedAt;

  Movement(String kind, long lotId, long baseId, long itemId, BigDecimal quantity, BigDecimal balance,
      OffsetDateTime at, CurrentUser actor) {
    this.kind = kind;
    this.lotId = lotId;
    this.baseId = baseId;
    this.itemId = itemId;
    this.quantity = quantity;
    this.balance = balance;
    this.at = at;
    this.actor = actor;
  }

  Movement receivedAt(OffsetDateTime when) {
    this.receivedAt = when;
    return this;
  }

  OffsetDateTime receivedAt() {
    return receivedAt == null ? at : receivedAt;
  }

  Movement note(String text) {
    this.note = text;
    return this;
  }

  Movement recipient(String type, String name) {
    this.recipientType = type;
    this.recipient = name;
    return this;
  }

  Movement reason(String code) {
    this.reason = code;
    return this;
  }

  Movement counted(BigDecimal counted) {
    this.countedQuantity = counted;
    return this;
  }

  Movement condition(String from, String to) {
    this.conditionFrom = from;
    this.conditionTo = to;
    return this;
  }

  Movement transfer(long id) {
    this.transferId = id;
    return this;
  }

  Movement incident(Long id) {
    this.incidentId = id;
    return this;
  }

  Movement stocktake(long id) {
    this.stocktakeId = id;
    return this;
  }
}
