// Product identity shown to visitors and staff and used to name data folders.
export const PRODUCT_NAME = 'Sunrise Hall';
export const PACKAGE_NAME = 'sunrise-hall';
