package org.personalshopper.domain;

/** How much of a product a store has, when the grocer says. */
public enum StockLevel {
    HIGH, LOW, TEMPORARILY_OUT_OF_STOCK
}
