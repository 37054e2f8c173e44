// zod contracts of the signing module (shared by the API and the web app).
export {};
