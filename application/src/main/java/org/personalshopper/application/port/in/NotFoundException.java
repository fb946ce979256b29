package org.personalshopper.application.port.in;

/** The thing asked for does not exist for this shopper (another shopper's things included). */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String what) {
        super(what + " not found");
    }
}
