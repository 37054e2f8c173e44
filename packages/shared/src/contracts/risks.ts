// zod contracts of the risks module (shared by the API and the web app).
export {};
