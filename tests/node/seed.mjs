// Records shared by the Node tests.
export const seedCustomer = () => ({
  id: "cust_abc123",
  customerId: "ext_12345",
  phone_number: "+14155552671",
  firstname: "John",
  lastname: "Smith",
  email: "john.smith@example.com",
  preferred_language: "en",
  preferred_contact_method: "EMAIL",
  best_time_to_call: "AFTERNOON",
  tags: ["vip", "repeat-customer"],
  isValidatedNames: true,
  createdAt: 1709856000000,
  updatedAt: 1709856000000,
});

export const seedCreate = () => ({ firstname: "Jane", lastname: "Doe", email: "jane.doe@example.com" });

export const seedUpdate = () => ({ id: "cust_abc123", preferred_contact_method: "SMS", tags: ["vip", "premium"] });
