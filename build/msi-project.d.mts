export function parleyMsiProject(wxs: string): string
export default function msiProjectCreated(projectFile: string): Promise<void>
