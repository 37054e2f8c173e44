// zod contracts of the systems module (shared by the API and the web app).
export {};
