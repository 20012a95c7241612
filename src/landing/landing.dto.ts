import { ApiProperty } from '@nestjs/swagger';

export class LandingDto {
  @ApiProperty({ example: 'Rollcall' })
  name: string;

  @ApiProperty()
  description: string;

  @ApiProperty({ description: 'Swagger UI', example: 'http://localhost:3000/docs' })
  docs: string;

  @ApiProperty({ example: 'http://localhost:3000/openapi.json' })
  openapi: string;

  @ApiProperty({ example: 'http://localhost:3000/health/ready' })
  health: string;

  @ApiProperty({
    description: "A tenant's SCIM base URL",
    example: 'http://localhost:3000/scim/v2/{tenantId}',
  })
  scim: string;
}
