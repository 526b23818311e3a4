export function ProjectPage() {
  return (
    <div className="p-8">
      <h1 className="text-xl font-semibold">Project</h1>
    </div>
  );
}
